import FeedbackIcon from '@mui/icons-material/Feedback';
import { ComplaintEdit } from './ComplaintEdit';
import { ComplaintList } from './ComplaintList';

export default { list: ComplaintList, edit: ComplaintEdit, icon: FeedbackIcon, recordRepresentation: 'trackingCode' };
