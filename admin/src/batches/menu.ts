import FolderIcon from '@mui/icons-material/FolderCopy';
import UploadIcon from '@mui/icons-material/UploadFile';
import { customAccess } from '../authProvider';
import type { MenuEntry } from '../layout/menu';

// The Form 35 import is the village operator's (the server checks the village scope again).
customAccess.form35 = (me) => me.role.type === 'operator-desa';

export const menu: MenuEntry[] = [
  { id: 'batches', label: 'resources.batches.name', to: '/batches', icon: FolderIcon, group: 'work', order: 40, access: { resource: 'batches' } },
  { id: 'form35', label: 'form35.title', to: '/form35', icon: UploadIcon, group: 'work', order: 45, access: { resource: 'form35' } },
];
