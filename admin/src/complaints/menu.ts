import FeedbackIcon from '@mui/icons-material/Feedback';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [{ id: 'complaints', label: 'resources.complaints.name', to: '/complaints', icon: FeedbackIcon, group: 'work', order: 50, access: { resource: 'complaints' } }];
