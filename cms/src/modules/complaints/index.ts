/** Complaints (pengaduan): the rules every channel shares — the public site takes them, staff answer them. */
export { default as complaintServiceFactory, complaintRules, type ComplaintRules, type ReplyDeadlineOffice } from './complaint-rules';
