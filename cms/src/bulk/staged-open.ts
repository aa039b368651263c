import type { Core } from '@strapi/strapi';
import { bulkDocumentId, columnsOf, linkTableOf } from '../database/bulk-insert';
import { copyRows, reserveIds } from '../database/pg-copy';

/**
 * Opening many cases at once on PostgreSQL (Form 35 imports): each chunk of proposals is
 * copied once into a temporary staging table, one row per proposal, and the database writes
 * the applicants, cases, checklists, "open" events and every link row from it with
 * INSERT … SELECT. The same rows as bulkInsert writes, but Node encodes one row per proposal
 * instead of about twelve, and the server parses that much less: the import is then bound by
 * the tables' own indexes. Runs in the caller's transaction; the staging table goes with it.
 */

const APPLICANT = 'api::applicant.applicant';
const CASE = 'api::case.case';
const EVENT = 'api::case-event.case-event';
const STAGE = 'form35_stage';

/** What every case of the import shares. */
export interface OpenConstants {
  now: Date;
  officeId: number;
  officeCode: string;
  service: { id: number; slug: string };
  activity: number;
  executor: string | null;
  queueRoles: string | null;
  priority: string;
  track: string | null;
  dueAt: Date | null;
  activityDueAt: Date | null;
  sopVersion: string;
  checklist: { key: string; label: string; required: boolean }[];
  actor: { id: number | null; name: string | null; role: string | null };
}

/** One proposal to open: the applicant (existing id or new data), the case code and the event's note and data. */
export interface StagedProposal {
  applicantId?: number;
  nik: string;
  kkNumber: string | null;
  name: string;
  sex: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  villageId: number;
  villageCode: string;
  districtCode: string;
  caseCode: string;
  openKey: string;
  note: string | null;
  eventData: Record<string, unknown>;
}

const STAGE_COLUMNS = `n int, applicant_id int, new_applicant boolean, applicant_doc text, case_id int, case_doc text, case_code text,
  event_id int, event_doc text, open_key text, village_id int, village_code text, district_code text, nik text, kk_number text,
  name text, sex text, birth_place text, birth_date date, address text, phone text, note text, event_data text`;

type Expr = string | { value: unknown };

export function stagedOpenWriter(strapi: Core.Strapi, trx: any, c: OpenConstants) {
  let created = false;
  const col = (uid: string, attribute: string) => {
    const name = columnsOf(strapi, uid)[attribute];
    if (!name) throw new Error(`stagedOpenWriter: ${uid} has no attribute ${attribute}`);
    return name;
  };
  /** Strapi's bookkeeping columns of a row written outside the document service. */
  const bookkeeping = (uid: string, doc: string): [string, Expr][] => {
    const cols = columnsOf(strapi, uid);
    const out: [string, Expr][] = [[cols.documentId, doc], [cols.createdAt, { value: c.now }], [cols.updatedAt, { value: c.now }]];
    if (cols.publishedAt) out.push([cols.publishedAt, { value: c.now }]);
    return out;
  };

  /** INSERT INTO table (columns) SELECT expressions FROM the staging table s [WHERE …]. */
  async function insertSelect(table: string, pairs: [string, Expr][], where = '') {
    const bindings: unknown[] = [];
    const exprs = pairs.map(([, e]) => {
      if (typeof e === 'string') return e;
      bindings.push(e.value);
      return '?';
    });
    const columns = pairs.map(([name]) => `"${name}"`).join(', ');
    await trx.raw(`insert into "${table}" (${columns}) select ${exprs.join(', ')} from ${STAGE} s ${where}`, bindings);
  }

  async function insertLink(uid: string, attribute: string, source: string, target: Expr, where = '') {
    const lt = linkTableOf(strapi, uid, attribute);
    const pairs: [string, Expr][] = [[lt.source, source], [lt.target, target]];
    if (lt.order) pairs.push([lt.order, { value: 1 }]);
    await insertSelect(lt.table, pairs, where);
  }

  async function insertChecklist() {
    if (!c.checklist.length) return;
    const attr = (strapi.db.metadata.get(CASE as any) as any).attributes.checklist;
    const compTable = (strapi.db.metadata.get(attr.target) as any).tableName as string;
    const compCols = columnsOf(strapi, attr.target);
    const jt = attr.joinTable;
    const typeColumn = jt.pivotColumns.find((p: string) => p.endsWith('type'));
    await trx.raw(
      `with items as materialized (
         select nextval(pg_get_serial_sequence(?, 'id')) as id, s.case_id, r.ord, r.key, r.label, r.required
         from ${STAGE} s cross join unnest(?::text[], ?::text[], ?::boolean[]) with ordinality as r(key, label, required, ord)
       ), written as (
         insert into ?? (id, ??, ??, ??, ??) select id, key, label, required, false from items
       )
       insert into ?? (??, ??, ??, field, ??) select case_id, id, ?, 'checklist', ord from items`,
      [
        compTable, c.checklist.map((i) => i.key), c.checklist.map((i) => i.label), c.checklist.map((i) => i.required),
        compTable, compCols.key, compCols.label, compCols.required, compCols.checked,
        jt.name, jt.joinColumn.name, jt.inverseJoinColumn.name, typeColumn, jt.orderColumnName, attr.target,
      ],
    );
  }

  return {
    /** Writes one chunk of proposals (all valid) in the transaction. */
    async write(proposals: StagedProposal[]): Promise<void> {
      if (!proposals.length) return;
      if (!created) {
        await trx.raw(`create temporary table ${STAGE} (${STAGE_COLUMNS}) on commit drop`);
        created = true;
      }
      const tables = (uid: string) => (strapi.db.metadata.get(uid as any) as any).tableName as string;
      const fresh = proposals.filter((p) => !p.applicantId).length;
      // One after another: the transaction is one connection.
      const applicantIds = await reserveIds(trx, tables(APPLICANT), fresh);
      const caseIds = await reserveIds(trx, tables(CASE), proposals.length);
      const eventIds = await reserveIds(trx, tables(EVENT), proposals.length);
      let nextApplicant = 0;
      await copyRows(
        trx,
        STAGE,
        proposals.map((p, i) => ({
          n: i,
          applicant_id: p.applicantId ?? applicantIds[nextApplicant++],
          new_applicant: !p.applicantId,
          applicant_doc: p.applicantId ? null : bulkDocumentId(),
          case_id: caseIds[i],
          case_doc: bulkDocumentId(),
          case_code: p.caseCode,
          event_id: eventIds[i],
          event_doc: bulkDocumentId(),
          open_key: p.openKey,
          village_id: p.villageId,
          village_code: p.villageCode,
          district_code: p.districtCode,
          nik: p.nik,
          kk_number: p.kkNumber,
          name: p.name,
          sex: p.sex,
          birth_place: p.birthPlace,
          birth_date: p.birthDate,
          address: p.address,
          phone: p.phone,
          note: p.note,
          event_data: JSON.stringify(p.eventData),
        })),
      );
      const a = (attribute: string) => col(APPLICANT, attribute);
      await insertSelect(tables(APPLICANT), [
        ['id', 's.applicant_id'], ...bookkeeping(APPLICANT, 's.applicant_doc'),
        [a('nik'), 's.nik'], [a('kkNumber'), 's.kk_number'], [a('name'), 's.name'], [a('sex'), 's.sex'], [a('birthPlace'), 's.birth_place'],
        [a('birthDate'), 's.birth_date'], [a('address'), 's.address'], [a('villageCode'), 's.village_code'], [a('districtCode'), 's.district_code'],
        [a('officeCode'), { value: c.officeCode }], [a('phone'), 's.phone'], [a('welfareSource'), { value: 'none' }], [a('membership'), { value: 'none' }],
      ], 'where s.new_applicant');
      await insertLink(APPLICANT, 'village', 's.applicant_id', 's.village_id', 'where s.new_applicant');
      await insertLink(APPLICANT, 'office', 's.applicant_id', { value: c.officeId }, 'where s.new_applicant');
      const k = (attribute: string) => col(CASE, attribute);
      await insertSelect(tables(CASE), [
        ['id', 's.case_id'], ...bookkeeping(CASE, 's.case_doc'),
        [k('code'), 's.case_code'], [k('serviceSlug'), { value: c.service.slug }], [k('officeCode'), { value: c.officeCode }],
        [k('villageCode'), 's.village_code'], [k('districtCode'), 's.district_code'], [k('currentActivity'), { value: c.activity }],
        [k('currentExecutor'), { value: c.executor }], [k('queueRoles'), { value: c.queueRoles }], [k('status'), { value: 'in-progress' }],
        [k('priority'), { value: c.priority }], [k('track'), { value: c.track }], [k('receivedAt'), { value: c.now }], [k('dueAt'), { value: c.dueAt }],
        [k('activityStartedAt'), { value: c.now }], [k('activityDueAt'), { value: c.activityDueAt }], [k('sopVersion'), { value: c.sopVersion }],
        [k('openKey'), 's.open_key'], [k('version'), { value: 1 }],
      ]);
      await insertLink(CASE, 'service', 's.case_id', { value: c.service.id });
      await insertLink(CASE, 'applicant', 's.case_id', 's.applicant_id');
      await insertLink(CASE, 'office', 's.case_id', { value: c.officeId });
      await insertChecklist();
      const e = (attribute: string) => col(EVENT, attribute);
      await insertSelect(tables(EVENT), [
        ['id', 's.event_id'], ...bookkeeping(EVENT, 's.event_doc'),
        [e('caseCode'), 's.case_code'], [e('officeCode'), { value: c.officeCode }], [e('actorName'), { value: c.actor.name }], [e('role'), { value: c.actor.role }],
        [e('action'), { value: 'open' }], [e('toActivity'), { value: c.activity }], [e('toStatus'), { value: 'in-progress' }], [e('note'), 's.note'],
        [e('at'), { value: c.now }], [e('data'), 's.event_data::jsonb'],
      ]);
      await insertLink(EVENT, 'case', 's.event_id', 's.case_id');
      if (c.actor.id) await insertLink(EVENT, 'actor', 's.event_id', { value: c.actor.id });
      await trx.raw(`truncate ${STAGE}`);
    },
  };
}
