import { Datagrid, List, NumberField, SelectInput, TextField, useGetList, useListContext, useTranslate } from 'react-admin';
import { IkmSummary } from './IkmSummary';
import { OfficeDateField } from '../common/OfficeDateField';

const Summary = () => {
  const { filterValues, setFilters } = useListContext();
  return <IkmSummary service={filterValues.serviceSlug} onPick={(slug) => setFilters({ ...filterValues, serviceSlug: slug }, {})} />;
};

/** Survey results: each service's IKM and chart above the individual answers. */
export const SurveyList = () => {
  const translate = useTranslate();
  const { data: services = [] } = useGetList<{ id: string; slug: string; title: string }>('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'title', order: 'ASC' } });
  const filters = [
    <SelectInput key="serviceSlug" source="serviceSlug" alwaysOn choices={services.map((s) => ({ id: s.slug, name: s.title }))} />,
    <SelectInput
      key="sex"
      source="respondentSex"
      choices={[
        { id: 'male', name: translate('surveys.sex.male') },
        { id: 'female', name: translate('surveys.sex.female') },
      ]}
    />,
  ];
  return (
    <List filters={filters} sort={{ field: 'submittedAt', order: 'DESC' }} title={translate('surveys.title')}>
      <Summary />
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <OfficeDateField source="submittedAt" showTime />
        <TextField source="serviceLabel" />
        <NumberField source="score" locales="id-ID" />
        <TextField source="respondentSex" />
        <TextField source="respondentEducation" />
        <TextField source="suggestion" />
      </Datagrid>
    </List>
  );
};
