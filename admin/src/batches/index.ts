import FolderIcon from '@mui/icons-material/FolderCopy';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';

export { Form35Import } from './Form35Import';

export default { list: BatchList, show: BatchShow, icon: FolderIcon, recordRepresentation: 'code' };
