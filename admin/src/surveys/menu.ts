import PollIcon from '@mui/icons-material/Poll';
import type { MenuEntry } from '../layout/menu';

export const menu: MenuEntry[] = [
  { id: 'surveys', label: 'resources.survey-responses.name', to: '/survey-responses', icon: PollIcon, group: 'data', order: 40, access: { resource: 'survey-responses' } },
];
