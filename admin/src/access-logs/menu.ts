import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [
  {
    id: 'access-logs',
    label: 'resources.access-logs.name',
    to: '/access-logs',
    icon: PrivacyTipIcon,
    group: 'admin',
    order: 20,
    access: { resource: 'access-logs' },
    roles: ['admin-kantor', 'kepala-dinas'],
  },
];
