import WorkIcon from '@mui/icons-material/WorkHistory';
import { JobList } from './JobList';
import { JobShow } from './JobShow';

export { JobProgress, JobBar } from './JobProgress';
export { JobReport } from './JobReport';
export { useJob } from './useJob';
export type { Job, ReportRow } from './job';
export { isFinished } from './job';

export default { list: JobList, show: JobShow, icon: WorkIcon };
