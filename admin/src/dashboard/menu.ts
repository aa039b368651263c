import DashboardIcon from '@mui/icons-material/Dashboard';
import { customAccess } from '../authProvider';
import type { MenuEntry } from '../layout/menu';

// Figures of cases: everyone who sees cases by region (not the BPJS liaison, see api/stats).
customAccess.dashboard = (me) => me.role.scope !== 'bpjs';

export const menu: MenuEntry[] = [{ id: 'dashboard', label: 'dashboard.title', to: '/', icon: DashboardIcon, group: 'work', order: 5, access: { resource: 'dashboard' } }];
