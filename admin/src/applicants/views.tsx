import { Box } from '@mui/material';
import { Create, DataTable, Edit, EditButton, FunctionField, List, ReferenceManyField, SearchInput, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { DateText } from '../common/DateText';
import { SlaChip } from '../common/SlaChip';
import { ApplicantForm } from './ApplicantForm';
import { OpenCaseButton } from './OpenCaseButton';

export const ApplicantList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="nik" />
      <DataTable.Col source="villageCode" render={(r) => r.villageLabel ?? r.villageCode} />
      <DataTable.Col source="birthDate">
        <DateText source="birthDate" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** After saving, the clerk lands on the applicant's page, where a case is opened. */
export const ApplicantCreate = () => (
  <Create redirect="show">
    <ApplicantForm />
  </Create>
);

export const ApplicantEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ApplicantForm />
  </Edit>
);

const ShowActions = () => {
  const { canAccess: canOpen } = useCanAccess({ resource: 'cases', action: 'create' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'applicants', action: 'edit' });
  return (
    <TopToolbar>
      {canOpen && <OpenCaseButton />}
      {canEdit && <EditButton />}
    </TopToolbar>
  );
};

export const ApplicantShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="nik" />
        <TextField source="kkNumber" />
        <FunctionField source="sex" render={(r) => (r.sex ? translate(`sex.${r.sex}`) : '')} />
        <TextField source="birthPlace" />
        <DateText source="birthDate" label="resources.applicants.fields.birthDate" />
        <FunctionField source="villageCode" render={(r) => r.villageLabel ?? r.villageCode} />
        <TextField source="address" />
        <TextField source="phone" />
        <ReferenceManyField reference="cases" target="applicant" label={translate('resources.cases.name', { smart_count: 2 })}>
          <Box>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="code" />
              <DataTable.Col source="serviceSlug" render={(r) => r.serviceLabel ?? r.serviceSlug} />
              <DataTable.Col source="status" render={(r) => translate(`status.${r.status}`)} />
              <DataTable.Col source="slaState" render={(r) => <SlaChip state={r.slaState} />} />
            </DataTable>
          </Box>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
