import WorkIcon from '@mui/icons-material/WorkHistory';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [{ id: 'jobs', label: 'resources.jobs.name', to: '/jobs', icon: WorkIcon, group: 'work', order: 48, access: { resource: 'jobs' } }];
