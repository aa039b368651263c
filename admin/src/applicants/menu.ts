import PeopleIcon from '@mui/icons-material/People';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [
  {
    id: 'applicants',
    label: 'resources.applicants.name',
    to: '/applicants',
    icon: PeopleIcon,
    group: 'data',
    order: 10,
    access: { resource: 'applicants' },
    roles: ['operator-desa', 'operator-kecamatan', 'petugas', 'pekerja-sosial', 'petugas-bpjs'],
  },
];
