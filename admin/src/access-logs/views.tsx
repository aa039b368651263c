import { Chip, Stack } from '@mui/material';
import { DataTable, DateInput, FunctionField, List, SelectInput, Show, SimpleShowLayout, TextField, TextInput, useTranslate } from 'react-admin';
import { OfficeDateField } from '../common/OfficeDateField';

/** The kinds of the privacy log (cms/src/privacy/access-log.ts AccessKind). */
const KINDS = ['view', 'list', 'export', 'letter-pdf', 'case-file'] as const;

interface AccessLog {
  id: string;
  kind: string;
  fields?: string | null;
  subjectCount?: number | null;
  subjectName?: string | null;
  subjectNik?: string | null;
  userName?: string | null;
  username?: string | null;
}

/**
 * A part of a NIK is refused by the server for roles that see NIKs masked (the office admin is
 * one): digits are held back until they make a whole NIK or KK number, with the reason shown.
 */
const wholeNumber = (value: unknown) => {
  const v = typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(v) && v.length !== 16 ? 'accessLogs.wholeNik' : undefined;
};

const Fields = ({ record }: { record: AccessLog }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(record.fields ?? '')
        .split(',')
        .filter(Boolean)
        .map((f) => (
          <Chip key={f} size="small" label={translate(`accessLogs.field.${f}`, { _: f })} />
        ))}
    </Stack>
  );
};

/** The applicant an entry is about, or how many. */
const Subject = ({ record }: { record: AccessLog }) => {
  const translate = useTranslate();
  if ((record.subjectCount ?? 0) > 1) return <>{translate('accessLogs.applicants', { smart_count: record.subjectCount })}</>;
  return <>{[record.subjectName, record.subjectNik && `(${record.subjectNik})`].filter(Boolean).join(' ')}</>;
};

/**
 * Who was given which applicants' personal data in full, when and through what: what the
 * office answers a citizen who asks who looked at their data (UU PDP 27/2022). Read-only.
 */
export const AccessLogList = () => {
  const translate = useTranslate();
  const filters = [
    // The filter bar hides helper texts; this one's error says why the digits are held back.
    <TextInput key="applicant" source="applicant" alwaysOn validate={wholeNumber} resettable sx={{ '& .MuiFormHelperText-root': { display: 'block !important' } }} />,
    <TextInput key="staff" source="staff" alwaysOn resettable />,
    <SelectInput key="kind" source="kind" alwaysOn choices={KINDS.map((k) => ({ id: k, name: translate(`accessLogs.kind.${k}`) }))} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="access-log-table">
        <DataTable.Col source="at">
          <OfficeDateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="userName" render={(r: AccessLog) => `${r.userName ?? ''} (${r.username ?? ''})`} />
        <DataTable.Col source="roleName" disableSort />
        <DataTable.Col source="kind" render={(r: AccessLog) => translate(`accessLogs.kind.${r.kind}`, { _: r.kind })} />
        <DataTable.Col source="purpose" disableSort />
        <DataTable.Col source="fields" disableSort render={(r: AccessLog) => <Fields record={r} />} />
        <DataTable.Col source="subjectName" disableSort render={(r: AccessLog) => <Subject record={r} />} />
      </DataTable>
    </List>
  );
};

export const AccessLogShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <OfficeDateField source="at" showTime />
        <TextField source="userName" />
        <TextField source="username" />
        <TextField source="roleName" />
        <FunctionField source="kind" render={(r: AccessLog) => translate(`accessLogs.kind.${r.kind}`, { _: r.kind })} />
        <TextField source="purpose" />
        <TextField source="route" />
        <FunctionField source="fields" render={(r: AccessLog) => <Fields record={r} />} />
        <FunctionField source="subjectName" render={(r: AccessLog) => <Subject record={r} />} />
        <TextField source="reference" />
      </SimpleShowLayout>
    </Show>
  );
};
