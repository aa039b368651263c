import {
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  List,
  PasswordInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  required,
  AutocompleteInput,
} from 'react-admin';

/** Staff accounts of the office admin's own office (the API scopes them to it). */
export const UserList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'username', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="username" />
      <DataTable.Col source="fullName" />
      <DataTable.Col source="role" render={(r) => r.roleLabel} />
      <DataTable.Col source="region" render={(r) => r.regionLabel ?? ''} disableSort />
      <DataTable.Col source="blocked">
        <BooleanField source="blocked" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/**
 * Passwords: at least 10 characters with letters and digits, checked here before sending; the API
 * also refuses the account's own name and guessable passwords, and its message shows at the field.
 */
const passwordRule = (value: string) => (value && !(value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value)) ? 'users.password_rule' : undefined);

const UserForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput source="username" validate={required()} />
    <TextInput source="fullName" validate={required()} />
    <TextInput source="email" validate={[required(), email()]} />
    <TextInput source="nip" />
    <TextInput source="phone" />
    <ReferenceInput source="role" reference="roles">
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="region" reference="regions" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText={(r) => `${r.name} (${r.code})`} filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <PasswordInput source="password" validate={create ? [required(), passwordRule] : [passwordRule]} helperText="users.password_help" />
    {!create && <BooleanInput source="blocked" />}
  </SimpleForm>
);

export const UserCreate = () => (
  <Create redirect="list">
    <UserForm create />
  </Create>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <UserForm />
  </Edit>
);
