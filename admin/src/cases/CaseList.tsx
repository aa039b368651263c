import { Tab, Tabs } from '@mui/material';
import type { SyntheticEvent } from 'react';
import { DataTable, FunctionField, List, SearchInput, SelectInput, TextInput, useGetList, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { DateText } from '../common/DateText';
import { PriorityChip, SlaChip } from '../common/SlaChip';

const STATUSES = ['in-progress', 'waiting', 'returned', 'rejected', 'completed', 'cancelled'];

/** Services of the office, once per slug (a standard may have a draft beside its published version). */
const ServiceInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { data = [] } = useGetList('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'slug', order: 'ASC' } });
  const seen = new Map<string, { id: string; name: string }>();
  for (const s of data) if (!seen.has(s.slug)) seen.set(s.slug, { id: s.slug, name: s.serviceName ?? s.title ?? s.slug });
  return <SelectInput {...props} choices={[...seen.values()]} />;
};

/** Villages the user can see (the API scopes regions like everything else); one cached request. */
const useVillages = () => useGetList('regions', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' }, filter: { level: 'village' } }).data ?? [];

const VillageInput = (props: { source: string; alwaysOn?: boolean }) => {
  const villages = useVillages();
  return <SelectInput {...props} choices={villages.map((r) => ({ id: r.code, name: r.name }))} />;
};

const StatusInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={STATUSES.map((s) => ({ id: s, name: translate(`status.${s}`) }))} />;
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ServiceInput key="service" source="serviceSlug" alwaysOn />,
  <StatusInput key="status" source="status" alwaysOn />,
  <VillageInput key="village" source="villageCode" />,
  <TextInput key="month" source="month" type="month" slotProps={{ inputLabel: { shrink: true } }} />,
];

/** The queues as tabs: each sets one named filter of the staff API and keeps the others. */
const TABS = [
  { id: 'mine', filter: { queue: 'mine' } },
  { id: 'all', filter: {} },
  { id: 'overdue', filter: { overdue: true } },
  { id: 'emergency', filter: { priority: 'emergency' } },
] as const;
const TAB_KEYS = ['queue', 'overdue', 'priority'];

const QueueTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = TABS.find((t) => t.id !== 'all' && Object.entries(t.filter).every(([k, v]) => filterValues[k] === v))?.id ?? 'all';
  const onChange = (_: SyntheticEvent, id: string) => {
    const rest = Object.fromEntries(Object.entries(filterValues).filter(([k]) => !TAB_KEYS.includes(k)));
    setFilters({ ...rest, ...TABS.find((t) => t.id === id)!.filter }, displayedFilters);
  };
  return (
    <Tabs value={current} onChange={onChange} sx={{ mb: 1 }}>
      {TABS.map((t) => (
        <Tab key={t.id} value={t.id} label={translate(`cases.tabs.${t.id}`)} data-testid={`tab-${t.id}`} />
      ))}
    </Tabs>
  );
};

const rowSx = (record: RaRecord) => (record.priority === 'emergency' ? { backgroundColor: 'rgba(211, 47, 47, 0.06)' } : {});

/** Cases (the menu's "Antrian saya" opens the queue tab): emergencies first (priority, then due time), SLA by colour and word. */
export const CaseList = () => {
  const translate = useTranslate();
  const villages = useVillages();
  const villageName = Object.fromEntries(villages.map((v) => [v.code, v.name]));
  return (
    <List filters={filters} sort={{ field: 'priority', order: 'ASC' }} perPage={25}>
      <QueueTabs />
      <DataTable rowClick="show" rowSx={rowSx} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="applicant" render={(r) => r.applicantLabel} disableSort />
        <DataTable.Col source="serviceSlug" render={(r) => r.serviceLabel ?? r.serviceSlug} disableSort />
        <DataTable.Col source="villageCode" render={(r) => villageName[r.villageCode] ?? r.villageCode} />
        <DataTable.Col source="status" render={(r) => translate(`status.${r.status}`)} />
        <DataTable.Col source="priority" render={(r) => <PriorityChip priority={r.priority} />} />
        <DataTable.Col source="slaState" disableSort>
          <FunctionField render={(r) => <SlaChip state={r.slaState} />} />
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <DateText source="dueAt" withTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
