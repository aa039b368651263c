import { CaseList } from './CaseList';

export default { list: CaseList, recordRepresentation: 'code' };
