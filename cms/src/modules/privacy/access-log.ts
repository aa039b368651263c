import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { bulkInsert, insertRows } from '../../platform/bulk-insert';
import { masked, type IdentityField } from '../../core/identity-visibility';
import type { StaffContext } from '../../core/staff';

export const ACCESS_LOG = 'api::access-log.access-log';
export const ACCESS_LOG_SUBJECT = 'api::access-log.access-log-subject';
const APPLICANT = 'api::applicant.applicant';

export const tableOf = (strapi: Core.Strapi, uid: string): string => (strapi.db.metadata.get(uid as any) as any).tableName;

/** What was given in full: an identity number (core/identity-visibility.ts) or a case's file (a health letter, an ID scan). */
export type PersonalDataField = IdentityField | 'file';
/** How it was given: one record, a list or a batch's lines, an export file, a letter PDF, a case file. */
export type AccessKind = 'view' | 'list' | 'export' | 'letter-pdf' | 'case-file';

export interface PersonalDataAccess {
  staff: StaffContext;
  kind: AccessKind;
  /** The request, "GET /api/panel/applicants/<id>", without its query string (it may hold a NIK). */
  route: string;
  /** What the user was doing, in Indonesian: "detail pemohon", "surat PDF 400.9.2/0123/…". */
  purpose: string;
  /** What was shown: the applicant's, letter's, case's or job's documentId. */
  reference?: string | null;
  fields: readonly PersonalDataField[];
  /** Row ids of the applicants whose data was given (repeats are dropped). */
  applicants: Iterable<number>;
  /** The one applicant's name and NIK when the caller has them (saves reading them). */
  subject?: { name?: unknown; nik?: unknown };
  at?: Date;
  /** Write inside this transaction (all or nothing with the caller's work). */
  trx?: Knex;
}

/** Applicant rows per COPY (PostgreSQL) or set of inserts: few round trips, bounded memory. */
const SUBJECT_CHUNK = 5_000;
const TEXT_MAX = 255;
const clip = (s: string | null | undefined) => (s == null ? null : s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);

/**
 * Writes one entry and one row per applicant seen. Nothing is written for no applicants or no
 * fields. An entry about one applicant keeps their name and masked NIK, so that it still reads
 * after the applicant is deleted; the rows keep the applicant's row id.
 */
export async function recordPersonalDataAccess(strapi: Core.Strapi, access: PersonalDataAccess): Promise<number | null> {
  const applicants = [...new Set(access.applicants)];
  const fields = [...new Set(access.fields)];
  if (!applicants.length || !fields.length) return null;
  const { staff } = access;
  const write = async (trx: Knex) => {
    const one =
      applicants.length !== 1
        ? null
        : access.subject
          ? { name: String(access.subject.name ?? ''), nik: String(access.subject.nik ?? '') }
          : await trx(tableOf(strapi, APPLICANT)).where('id', applicants[0]).first('name', 'nik');
    const [id] = await bulkInsert(
      strapi,
      ACCESS_LOG,
      [
        {
          data: {
            at: access.at ?? new Date(),
            officeCode: staff.officeCode,
            userId: staff.userId,
            username: staff.username,
            userName: clip(staff.fullName || staff.username),
            role: staff.role,
            kind: access.kind,
            route: clip(access.route),
            purpose: clip(access.purpose),
            reference: clip(access.reference ?? null),
            fields: fields.join(','),
            subjectCount: applicants.length,
            subjectName: clip(one?.name ?? null),
            subjectNik: masked('nik', one?.nik ?? null),
          },
        },
      ],
      { trx },
    );
    // The applicant rows carry their two ids alone (no documentId, no timestamps: nothing reads
    // them as documents, and an export's 100,000 rows then cost a fourth of the time).
    const subjects = strapi.db.metadata.get(ACCESS_LOG_SUBJECT as any) as any;
    const [entryColumn, applicantColumn] = [subjects.attributes.accessLogId.columnName, subjects.attributes.applicantId.columnName];
    for (let i = 0; i < applicants.length; i += SUBJECT_CHUNK) {
      await insertRows(
        strapi,
        trx,
        subjects.tableName,
        applicants.slice(i, i + SUBJECT_CHUNK).map((applicantId) => ({ [entryColumn]: id, [applicantColumn]: applicantId })),
      );
    }
    return id;
  };
  if (access.trx) return write(access.trx);
  return (strapi.db.connection as unknown as Knex).transaction(write);
}
