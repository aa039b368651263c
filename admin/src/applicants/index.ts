import { ApplicantCreate, ApplicantEdit, ApplicantList, ApplicantShow } from './views';

export default { list: ApplicantList, create: ApplicantCreate, edit: ApplicantEdit, show: ApplicantShow, recordRepresentation: 'name' };
