import PollIcon from '@mui/icons-material/Poll';
import { SurveyList } from './SurveyList';

export { IkmSummary } from './IkmSummary';

export default { list: SurveyList, icon: PollIcon };
