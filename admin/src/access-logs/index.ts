import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import { AccessLogList, AccessLogShow } from './views';

export default { list: AccessLogList, show: AccessLogShow, icon: PrivacyTipIcon };
