/**
 * The record of who saw personal data (UU PDP 27/2022: an office must be able to tell a citizen
 * who looked at their data). Every time a NIK, KK, JKN card number, phone number or a health
 * file of an applicant is given to a staff member in full — a record of the staff API, a batch's
 * lines, an export, a letter PDF, a case file — one entry says who (account, role, office), when,
 * what (which fields, which applicants) and through what (route and purpose). Masked views
 * are not recorded: nothing was disclosed.
 *
 * The entry is written before the data leaves the server; when it can't be written the request
 * fails, so nothing is shown unrecorded. The tables are append-only down to the database
 * (platform/append-only.ts). Read by the office admin in the panel (modules/staff-api/resources/access-logs.ts).
 */
export { recordPersonalDataAccess, type AccessKind, type PersonalDataAccess, type PersonalDataField } from './access-log';
export { identityFieldsIn, recordApplicantRecords, recordCaseFileView } from './views';
export { copyExportAccess } from './exports';
