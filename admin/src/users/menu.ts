import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [
  { id: 'users', label: 'resources.users.name', to: '/users', icon: ManageAccountsIcon, group: 'admin', order: 10, access: { resource: 'users' }, roles: ['admin-kantor'] },
];
