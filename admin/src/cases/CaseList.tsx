import { DataTable, List } from 'react-admin';

export const CaseList = () => (
  <List>
    <DataTable>
      <DataTable.Col source="code" />
    </DataTable>
  </List>
);
