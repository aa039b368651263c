import { Chip } from '@mui/material';
import { Datagrid, ExportButton, FunctionField, List, NumberField, SelectInput, TextField, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { BatchBulkActions } from './BulkActions';
import { BATCH_LEVELS, BATCH_STATUSES, STATUS_COLOR } from './labels';
import { RecapButton } from './RecapButton';
import { useMe } from '../jobs/useMe';
import { OfficeDateField } from '../jobs/OfficeDateField';

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

export const BatchStatus = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={translate(`batches.status.${status}`, { _: status })} />;
};

/** Monthly recaps: the village's, the district's, the office's; newest month first. */
export const BatchList = () => {
  const translate = useTranslate();
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
        <TextField source="month" />
        <FunctionField source="level" render={(b: any) => translate(`batches.level.${b.level}`, { _: b.level })} />
        <TextField source="serviceSlug" />
        <TextField source="regionLabel" />
        <NumberField source="caseCount" />
        <FunctionField source="status" render={(b: any) => <BatchStatus status={b.status} />} />
        <OfficeDateField source="submittedAt" />
        <OfficeDateField source="sentAt" />
      </Datagrid>
    </List>
  );
};
