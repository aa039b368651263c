import { Chip } from '@mui/material';
import { Datagrid, ExportButton, FunctionField, List, NumberField, SelectInput, TextField, TextInput, TopToolbar, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { BatchBulkActions } from './BulkActions';
import { BATCH_LEVELS, BATCH_STATUSES, STATUS_COLOR } from './labels';
import { RecapButton } from './RecapButton';
import { useMe } from '../common/useMe';
import { OfficeDateField } from '../common/OfficeDateField';

const Actions = () => {
  const me = useMe();
  const translate = useTranslate();
  return (
    <TopToolbar>
      <RecapButton />
      {me?.role.type === 'operator-desa' && (
        <Link to="/form35" style={{ alignSelf: 'center', marginLeft: 8 }}>
          {translate('form35.title')}
        </Link>
      )}
      <ExportButton />
    </TopToolbar>
  );
};

/** "2026-11" as "November 2026" (the proposal or BPJS month). */
/** A batch as the staff API lists it (GET /api/panel/batches). */
interface BatchRow {
  id: string;
  month: string | null;
  level: string;
  serviceSlug: string;
  serviceLabel?: string | null;
  status: string;
}

export const monthName = (month: string | null | undefined, locale: string) =>
  month && /^\d{4}-\d{2}$/.test(month)
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
    : (month ?? '-');

export const BatchStatus = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={translate(`batches.status.${status}`, { _: status })} />;
};

/** Monthly recaps: the village's, the district's, the office's; newest month first. */
export const BatchList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filters = [
    <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
    <SelectInput key="level" source="level" alwaysOn choices={BATCH_LEVELS.map((l) => ({ id: l, name: translate(`batches.level.${l}`) }))} />,
    <SelectInput key="status" source="status" alwaysOn choices={BATCH_STATUSES.map((s) => ({ id: s, name: translate(`batches.status.${s}`) }))} />,
    <TextInput key="month" source="month" placeholder="2026-11" />,
  ];
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'month', order: 'DESC' }} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={<BatchBulkActions />}>
        <TextField source="code" />
        <FunctionField<BatchRow> source="month" render={(b) => monthName(b.month, locale)} />
        <FunctionField<BatchRow> source="level" render={(b) => translate(`batches.level.${b.level}`, { _: b.level })} />
        <FunctionField<BatchRow> source="serviceSlug" render={(b) => b.serviceLabel ?? b.serviceSlug} />
        <TextField source="regionLabel" />
        <NumberField source="caseCount" />
        <FunctionField<BatchRow> source="status" render={(b) => <BatchStatus status={b.status} />} />
        <OfficeDateField source="submittedAt" />
        <OfficeDateField source="sentAt" />
      </Datagrid>
    </List>
  );
};
