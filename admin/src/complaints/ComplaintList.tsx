import { Chip } from '@mui/material';
import { Datagrid, FunctionField, List, SelectArrayInput, SelectInput, TextField, TextInput, useTranslate, type RaRecord } from 'react-admin';
import { SlaChip } from './SlaChip';
import type { Complaint } from './complaint';
import { OfficeDateField } from '../common/OfficeDateField';

export const COMPLAINT_STATUSES = ['new', 'in-progress', 'answered', 'closed'] as const;
export const CHANNELS = ['web', 'phone', 'whatsapp', 'email', 'visit', 'lapor', 'box', 'other'] as const;

const rowStyle = (r: RaRecord) => (r.overdue ? { borderLeft: '4px solid #d32f2f' } : {});

/** The complaint queue: open ones first by their reply deadline; overdue ones marked. */
export const ComplaintList = () => {
  const translate = useTranslate();
  const filters = [
    <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
    <SelectArrayInput key="status" source="status" alwaysOn sx={{ minWidth: 220 }} choices={COMPLAINT_STATUSES.map((s) => ({ id: s, name: translate(`complaints.status.${s}`) }))} />,
    <SelectInput key="overdue" source="overdue" alwaysOn choices={[{ id: true, name: translate('complaints.onlyOverdue') }]} />,
    <SelectInput key="channel" source="channel" choices={CHANNELS.map((c) => ({ id: c, name: translate(`complaints.channel.${c}`) }))} />,
  ];
  return (
    <List filters={filters} empty={false} filterDefaultValues={{ status: ['new', 'in-progress'] }} sort={{ field: 'dueAt', order: 'ASC' }}>
      <Datagrid rowClick="edit" rowSx={rowStyle} bulkActionButtons={false}>
        <TextField source="trackingCode" />
        <OfficeDateField source="receivedAt" showTime />
        <FunctionField<Complaint> source="channel" render={(r) => translate(`complaints.channel.${r.channel}`, { _: r.channel })} />
        <FunctionField<Complaint> source="text" render={(r) => (r.text && r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text)} />
        <TextField source="serviceLabel" />
        <FunctionField<Complaint> source="status" render={(r) => <Chip size="small" variant="outlined" label={translate(`complaints.status.${r.status}`, { _: r.status })} />} />
        <OfficeDateField source="dueAt" showTime />
        <FunctionField label="complaints.slaLabel" render={() => <SlaChip />} />
      </Datagrid>
    </List>
  );
};
