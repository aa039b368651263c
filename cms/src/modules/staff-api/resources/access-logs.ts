import type { Knex } from 'knex';
import { offsetMs } from '../../../core/calendar';
import { roleDefinition } from '../../../core/roles';
import { applicantsMatching } from './people-search';
import { officeScope } from './scopes';
import type { ResourceDefinition, SqlTools } from './types';

const SUBJECT = 'api::access-log.access-log-subject';
const USER = 'plugin::users-permissions.user';
const TEXT = /^[^\u0000-\u001f]{2,100}$/;

/** The first instant of an office-local day. */
const startOfLocalDay = (day: string, timeZone: string) => new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs(timeZone));
const endOfLocalDay = (day: string, timeZone: string) => new Date(startOfLocalDay(day, timeZone).getTime() + 86_400_000 - 1);

/** Entries that name one of these applicants (row ids, as a subquery). */
function naming(sql: SqlTools, applicantIds: Knex.QueryBuilder): Knex.QueryBuilder {
  return sql.knex(sql.tableOf(SUBJECT)).whereIn(sql.columnOf(SUBJECT, 'applicantId'), applicantIds).select(sql.columnOf(SUBJECT, 'accessLogId'));
}

/**
 * The privacy log (cms/src/modules/privacy), read-only: who was given which applicants' personal data,
 * when and through what — what the office answers a citizen who asks who looked at their data.
 * The office admin and the head of office read their own office's entries, by staff member,
 * applicant (name, or a whole NIK or KK number: they see NIKs masked), period and kind.
 */
export const accessLogs: ResourceDefinition = {
  name: 'access-logs',
  uid: 'api::access-log.access-log',
  label: ['purpose', 'kind'],
  fields: ['at', 'officeCode', 'username', 'userName', 'role', 'kind', 'route', 'purpose', 'reference', 'fields', 'subjectCount', 'subjectName', 'subjectNik'],
  computed: { roleName: (r) => roleDefinition(String(r.role))?.name ?? r.role },
  filters: { kind: ['eq'], role: ['eq'], username: ['eq'], reference: ['eq'], at: ['gte', 'lte', 'gt', 'lt'] },
  customFilters: {
    applicant: {
      type: 'pattern',
      pattern: /^[^\u0000-\u001f]{3,100}$/,
      hint: 'nama pemohon (minimal 3 huruf) atau NIK/nomor KK lengkap (16 digit)',
      apply: (qb, value, staff, sql) => sql.whereIdIn(qb, 't.id', naming(sql, applicantsMatching(String(value).trim(), staff, sql, 'filter.applicant'))),
    },
    // From an applicant's page: its documentId.
    applicantId: {
      type: 'pattern',
      pattern: /^[A-Za-z0-9]{1,64}$/,
      hint: 'id pemohon',
      apply: (qb, value, staff, sql) => {
        const A = 'api::applicant.applicant';
        const ids = sql.knex(sql.tableOf(A)).where('document_id', String(value)).where(sql.columnOf(A, 'officeCode'), staff.officeCode).select('id');
        return sql.whereIdIn(qb, 't.id', naming(sql, ids));
      },
    },
    // A staff member of the office by user name or full name.
    staff: {
      type: 'pattern',
      pattern: TEXT,
      hint: 'nama atau nama pengguna staf (minimal 2 huruf)',
      apply: (qb, value, staff, sql) => {
        const term = String(value).trim();
        const users = sql.knex(sql.tableOf(USER)).where(sql.columnOf(USER, 'officeCode'), staff.officeCode).select('id');
        users.where((b) => {
          sql.contains(b, sql.columnOf(USER, 'username'), term);
          sql.contains(b.or, sql.columnOf(USER, 'fullName'), term);
        });
        qb.whereIn(sql.col('userId'), users);
      },
    },
    // A period in the office's days (its time zone), both ends included.
    from: { type: 'date', apply: (qb, value, staff, sql) => void qb.where(sql.col('at'), '>=', startOfLocalDay(String(value), staff.timeZone ?? 'Asia/Jakarta')) },
    to: { type: 'date', apply: (qb, value, staff, sql) => void qb.where(sql.col('at'), '<=', endOfLocalDay(String(value), staff.timeZone ?? 'Asia/Jakarta')) },
  },
  sortable: ['at', 'kind', 'username'],
  defaultSort: ['at', 'DESC'],
  access: { read: ['admin-kantor', 'kepala-dinas'] },
  scope: officeScope(),
};
