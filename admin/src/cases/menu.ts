import AssignmentIcon from '@mui/icons-material/Assignment';
import InboxIcon from '@mui/icons-material/Inbox';
import type { MenuEntry } from '../layout/menu';
import { CASE_WORKERS, QUEUE_ROLES } from '../layout/menu';

const mine = encodeURIComponent(JSON.stringify({ queue: 'mine' }));
// An explicit empty filter: otherwise react-admin would restore the last tab (often the queue).
const all = encodeURIComponent('{}');

export const menu: MenuEntry[] = [
  { id: 'queue', label: 'cases.menu.queue', to: `/cases?filter=${mine}`, icon: InboxIcon, group: 'work', order: 10, access: { resource: 'cases' }, roles: QUEUE_ROLES },
  { id: 'cases', label: 'resources.cases.name', to: `/cases?filter=${all}`, icon: AssignmentIcon, group: 'work', order: 20, access: { resource: 'cases' }, roles: CASE_WORKERS },
];
