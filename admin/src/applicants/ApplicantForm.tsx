import { DateInput, SelectInput, SimpleForm, TextInput, maxLength, required, useGetList, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Me } from '../authProvider';
import { NikCheck } from './NikCheck';
import { checkIdentity } from './nik';

/** The server's identity rules on the whole form: NIK, KK, and sex and birth date against the NIK. */
const validate = (values: Record<string, unknown>) => {
  const errors: Record<string, string> = {};
  for (const p of checkIdentity({ nik: values.nik, kkNumber: values.kkNumber, sex: values.sex, birthDate: values.birthDate })) errors[p.field] ??= p.message;
  return errors;
};

const VillageInput = () => {
  const { data = [] } = useGetList('regions', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' }, filter: { level: 'village' } });
  return <SelectInput source="villageCode" choices={data.map((r) => ({ id: r.code, name: `${r.name} (${r.code})` }))} validate={required()} />;
};

export const ApplicantForm = ({ excludeId }: { excludeId?: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Me>();
  // Editing: the applicant's own NIK is no duplicate of itself.
  const record = useRecordContext();
  const self = excludeId ?? (record?.id as string | undefined);
  // A village operator registers people of their own village.
  const defaults = permissions?.role.scope === 'village' && permissions.region ? { villageCode: permissions.region.code } : {};
  return (
    <SimpleForm validate={validate} defaultValues={defaults} mode="onChange" reValidateMode="onChange">
      <TextInput source="nik" validate={required()} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 16, autoComplete: 'off' } }} />
      <NikCheck excludeId={self} />
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <SelectInput
        source="sex"
        choices={[
          { id: 'male', name: translate('sex.male') },
          { id: 'female', name: translate('sex.female') },
        ]}
        validate={required()}
      />
      <TextInput source="birthPlace" />
      <DateInput source="birthDate" validate={required()} />
      <TextInput source="kkNumber" slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 16 } }} />
      <VillageInput />
      <TextInput source="address" multiline fullWidth />
      <TextInput source="phone" />
    </SimpleForm>
  );
};
