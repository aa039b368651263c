// api::complaint.complaint: Strapi finds it here by name; the code lives in its module.
export { complaintServiceFactory as default } from '../../../modules/complaints';
