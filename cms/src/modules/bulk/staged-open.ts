import type { Core } from '@strapi/strapi';
import { bulkDocumentId, columnsOf, joinColumnOf, linkTableOf } from '../../platform/bulk-insert';
import { copyRows } from '../../platform/pg-copy';
import { WORKER_APPLICATION_PREFIX } from './worker-session';
import { openedCaseRow, type OpenedCaseCommon } from '../cases';

/**
 * Opening many cases at once on PostgreSQL (Form 35 imports), in two steps per chunk:
 *
 * 1. stage: the chunk's proposals are copied, one row each, into a scratch table of their own
 *    (unlogged, import_stage_<job>_<chunk>) on a side connection, and committed there. Scratch
 *    rows are nobody's data: the import's tables are not touched.
 * 2. write: in the import's transaction, one statement writes the applicants, cases,
 *    checklists, "open" events and the link rows of relations that have them from that table
 *    (INSERT … SELECT).
 *
 * The same rows as bulkInsert writes, but Node encodes one row per proposal instead of about
 * seven, and because staging runs on its own connection, chunk n+1 is staged (on the second
 * core) while chunk n is written. The transaction is then bound by the tables' own indexes.
 * The scratch tables are dropped when the import ends, and at start by the jobs service if a
 * crash left any.
 */

const APPLICANT = 'api::applicant.applicant';
const CASE = 'api::case.case';
const EVENT = 'api::case-event.case-event';
/** Scratch tables: the prefix, then the job's id and the chunk's number. */
export const STAGE_PREFIX = 'import_stage_';

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

/** The values every opened case shares, for the cases module's one row definition. */
export const sharedByOpened = (c: OpenConstants): OpenedCaseCommon => ({
  serviceSlug: c.service.slug,
  officeCode: c.officeCode,
  activity: c.activity,
  executor: c.executor,
  queueRoles: c.queueRoles,
  priority: c.priority,
  track: c.track,
  now: c.now,
  dueAt: c.dueAt,
  activityDueAt: c.activityDueAt,
  sopVersion: c.sopVersion,
});

/** One proposal to open: the applicant (existing id or new data), and the event's note and data. */
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
  openKey: string;
  note: string | null;
  eventData: Record<string, unknown>;
}

/**
 * One row per proposal; n is its place in the chunk (its case number is the chunk's first plus
 * n). Ids come from the tables' own sequences as the rows are copied in (column defaults), so
 * no round trip hands them to Node; an applicant already on file keeps its id (known_applicant)
 * and the fresh one it drew is left unused (sequences have gaps anyway).
 */
/** The id sequences of the tables written, as SQL literals. */
type Sequences = { applicant: string; case: string; event: string; checklist: string };

const stageColumns = (seq: Sequences) => `n int,
  known_applicant int, fresh_applicant int default nextval(${seq.applicant}),
  applicant_id int generated always as (coalesce(known_applicant, fresh_applicant)) stored,
  new_applicant boolean generated always as (known_applicant is null) stored,
  applicant_doc text, case_id int default nextval(${seq.case}), case_doc text,
  event_id int default nextval(${seq.event}), event_doc text, open_key text, village_id int, village_code text, district_code text, nik text, kk_number text,
  name text, sex text, birth_place text, birth_date date, address text, phone text, note text, event_data jsonb`;

/** A column's value: an SQL expression over the scratch row s, a bound value, or an expression with bound values. */
type Expr = string | { value: unknown } | { sql: string; bindings: unknown[] };
type LinkTable = ReturnType<typeof linkTableOf>;
/** A many-to-one relation: a column of the row, or a link table (see joinColumnOf). */
type RelationStorage = { column: string } | { link: LinkTable };
type RelationName = 'applicantVillage' | 'applicantOffice' | 'caseService' | 'caseApplicant' | 'caseOffice' | 'eventCase' | 'eventActor';

/**
 * The table and column names the writer needs, read from Strapi's metadata by the server and
 * handed as plain data to the import worker (which runs without Strapi).
 */
export interface StagedSchema {
  tables: { applicant: string; case: string; event: string };
  columns: { applicant: Record<string, string>; case: Record<string, string>; event: Record<string, string> };
  relations: Record<RelationName, RelationStorage>;
  checklist: { uid: string; table: string; columns: Record<string, string>; join: { table: string; caseColumn: string; itemColumn: string; typeColumn: string; orderColumn: string } };
}

export function stagedSchemaOf(strapi: Core.Strapi): StagedSchema {
  const tableOf = (uid: string) => (strapi.db.metadata.get(uid as any) as any).tableName as string;
  const attr = (strapi.db.metadata.get(CASE as any) as any).attributes.checklist;
  const jt = attr.joinTable;
  const relation = (uid: string, attribute: string): RelationStorage => {
    const column = joinColumnOf(strapi, uid, attribute);
    return column ? { column } : { link: linkTableOf(strapi, uid, attribute) };
  };
  return {
    tables: { applicant: tableOf(APPLICANT), case: tableOf(CASE), event: tableOf(EVENT) },
    columns: { applicant: columnsOf(strapi, APPLICANT), case: columnsOf(strapi, CASE), event: columnsOf(strapi, EVENT) },
    relations: {
      applicantVillage: relation(APPLICANT, 'village'),
      applicantOffice: relation(APPLICANT, 'office'),
      caseService: relation(CASE, 'service'),
      caseApplicant: relation(CASE, 'applicant'),
      caseOffice: relation(CASE, 'office'),
      eventCase: relation(EVENT, 'case'),
      eventActor: relation(EVENT, 'actor'),
    },
    checklist: {
      uid: attr.target,
      table: tableOf(attr.target),
      columns: columnsOf(strapi, attr.target),
      join: {
        table: jt.name,
        caseColumn: jt.joinColumn.name,
        itemColumn: jt.inverseJoinColumn.name,
        typeColumn: jt.pivotColumns.find((p: string) => p.endsWith('type')),
        orderColumn: jt.orderColumnName,
      },
    },
  };
}

/** A chunk staged in its scratch table, ready to write. */
export interface StagedChunk {
  table: string;
  rows: number;
}

/**
 * @param trx   the import's transaction (step 2)
 * @param side  a knex pool for staging (step 1), on other connections than trx's
 * @param jobKey the job's id (letters and digits): scratch tables are named after it
 */
export function stagedOpenWriter(schema: StagedSchema, trx: any, side: any, c: OpenConstants, jobKey: string) {
  if (!/^[a-z0-9]{1,30}$/.test(jobKey)) throw new Error(`Kode pekerjaan impor tidak sah (${jobKey})`);
  /** Read once, by the first stage. */
  let sequences: Sequences | null = null;
  let chunks = 0;
  const staged: string[] = [];
  let closed = false;
  const col = (kind: keyof StagedSchema['columns'], attribute: string) => {
    const name = schema.columns[kind][attribute];
    if (!name) throw new Error(`Skema basis data tidak sesuai: ${kind} tidak memiliki kolom ${attribute}`);
    return name;
  };
  /** Strapi's bookkeeping columns of a row written outside the document service. */
  const bookkeeping = (kind: keyof StagedSchema['columns'], doc: string): [string, Expr][] => {
    const cols = schema.columns[kind];
    const out: [string, Expr][] = [
      [cols.documentId, doc],
      [cols.createdAt, { value: c.now }],
      [cols.updatedAt, { value: c.now }],
    ];
    if (cols.publishedAt) out.push([cols.publishedAt, { value: c.now }]);
    return out;
  };

  /** The writes of one chunk, as the parts of one statement (data-modifying WITH queries). */
  function chunkStatement(stage: string, caseCode: Expr, checklistSequence: string) {
    const parts: { sql: string; bindings: unknown[] }[] = [];
    /** INSERT INTO table (columns) SELECT expressions FROM the scratch table s [WHERE …]. */
    const insertSelect = (table: string, pairs: [string, Expr][], where = '', returning = '') => {
      const bindings: unknown[] = [];
      const exprs = pairs.map(([, e]) => {
        if (typeof e === 'string') return e;
        if ('sql' in e) {
          bindings.push(...e.bindings);
          return e.sql;
        }
        bindings.push(e.value);
        return '?';
      });
      const columns = pairs.map(([name]) => `"${name}"`).join(', ');
      const name = `w${parts.length}`;
      parts.push({ sql: `${name} as (insert into "${table}" (${columns}) select ${exprs.join(', ')} from "${stage}" s ${where} ${returning})`, bindings });
      return name;
    };
    const insertLink = (lt: LinkTable, source: string, target: Expr, where = '') => {
      const pairs: [string, Expr][] = [
        [lt.source, source],
        [lt.target, target],
      ];
      if (lt.order) pairs.push([lt.order, { value: 1 }]);
      insertSelect(lt.table, pairs, where);
    };
    /** A relation of the rows about to be inserted: a pair of their columns, or its own link rows. */
    const relate = (pairs: [string, Expr][], name: RelationName, source: string, target: Expr, where = '') => {
      const r = schema.relations[name];
      if ('column' in r) pairs.push([r.column, target]);
      else insertLink(r.link, source, target, where);
    };
    const tables = schema.tables;
    const a = (attribute: string) => col('applicant', attribute);
    const applicantPairs: [string, Expr][] = [];
    relate(applicantPairs, 'applicantVillage', 's.applicant_id', 's.village_id', 'where s.new_applicant');
    relate(applicantPairs, 'applicantOffice', 's.applicant_id', { value: c.officeId }, 'where s.new_applicant');
    insertSelect(
      tables.applicant,
      [
        ...applicantPairs,
        ['id', 's.applicant_id'],
        ...bookkeeping('applicant', 's.applicant_doc'),
        [a('nik'), 's.nik'],
        [a('kkNumber'), 's.kk_number'],
        [a('name'), 's.name'],
        [a('sex'), 's.sex'],
        [a('birthPlace'), 's.birth_place'],
        [a('birthDate'), 's.birth_date'],
        [a('address'), 's.address'],
        [a('villageCode'), 's.village_code'],
        [a('districtCode'), 's.district_code'],
        [a('officeCode'), { value: c.officeCode }],
        [a('phone'), 's.phone'],
        [a('welfareSource'), { value: 'none' }],
        [a('membership'), { value: 'none' }],
      ],
      'where s.new_applicant',
    );
    const k = (attribute: string) => col('case', attribute);
    const casePairs: [string, Expr][] = [];
    relate(casePairs, 'caseService', 's.case_id', { value: c.service.id });
    relate(casePairs, 'caseApplicant', 's.case_id', 's.applicant_id');
    relate(casePairs, 'caseOffice', 's.case_id', { value: c.officeId });
    const casesWritten = insertSelect(
      tables.case,
      [
        ...casePairs,
        ['id', 's.case_id'],
        ...bookkeeping('case', 's.case_doc'),
        ...openedCaseRow<Expr, Expr>(sharedByOpened(c), { code: caseCode, villageCode: 's.village_code', districtCode: 's.district_code', openKey: 's.open_key' }, (value) => ({ value })).map(
          ([a, e]): [string, Expr] => [k(a), e],
        ),
      ],
      '',
      'returning 1',
    );
    if (c.checklist.length) {
      // The items' ids from their sequence named as a literal: looked up per row (pg_get_serial_sequence) it cost a quarter second per 100,000 items.
      const { table: compTable, columns: compCols, join: jt, uid } = schema.checklist;
      parts.push({
        sql: `checklist_items as materialized (
           select nextval(${checklistSequence}) as id, s.case_id, r.ord, r.key, r.label, r.required
           from "${stage}" s cross join unnest(?::text[], ?::text[], ?::boolean[]) with ordinality as r(key, label, required, ord)
         ), checklist_written as (
           insert into ?? (id, ??, ??, ??, ??) select id, key, label, required, false from checklist_items
         ), checklist_linked as (
           insert into ?? (??, ??, ??, field, ??) select case_id, id, ?, 'checklist', ord from checklist_items
         )`,
        bindings: [
          c.checklist.map((i) => i.key),
          c.checklist.map((i) => i.label),
          c.checklist.map((i) => i.required),
          compTable,
          compCols.key,
          compCols.label,
          compCols.required,
          compCols.checked,
          jt.table,
          jt.caseColumn,
          jt.itemColumn,
          jt.typeColumn,
          jt.orderColumn,
          uid,
        ],
      });
    }
    const e = (attribute: string) => col('event', attribute);
    const eventPairs: [string, Expr][] = [];
    relate(eventPairs, 'eventCase', 's.event_id', 's.case_id');
    if (c.actor.id) relate(eventPairs, 'eventActor', 's.event_id', { value: c.actor.id });
    insertSelect(tables.event, [
      ...eventPairs,
      ['id', 's.event_id'],
      ...bookkeeping('event', 's.event_doc'),
      [e('caseCode'), caseCode],
      [e('officeCode'), { value: c.officeCode }],
      [e('actorName'), { value: c.actor.name }],
      [e('role'), { value: c.actor.role }],
      [e('action'), { value: 'open' }],
      [e('toActivity'), { value: c.activity }],
      [e('toStatus'), { value: 'in-progress' }],
      [e('note'), 's.note'],
      [e('at'), { value: c.now }],
      [e('data'), 's.event_data'],
    ]);
    // The parts only read the scratch table, so the order PostgreSQL runs them in does not matter.
    // The statement answers how many cases it wrote.
    return { sql: `with ${parts.map((p) => p.sql).join(',\n')} select count(*)::int as cases from ${casesWritten}`, bindings: parts.flatMap((p) => p.bindings) };
  }

  return {
    /** Step 1, on the side connection: copies a chunk of valid proposals into a new scratch table. */
    async stage(proposals: StagedProposal[]): Promise<StagedChunk> {
      // Once the import has ended nothing more is staged (its tables would outlive it).
      if (closed) throw new Error('Impor sudah berakhir');
      const table = `${STAGE_PREFIX}${jobKey}_${chunks++}`;
      staged.push(table);
      await side.transaction(async (t: any) => {
        if (!sequences) {
          const { rows } = await t.raw(
            `select quote_literal(pg_get_serial_sequence(?, 'id')) as applicant, quote_literal(pg_get_serial_sequence(?, 'id')) as "case",
                  quote_literal(pg_get_serial_sequence(?, 'id')) as event, quote_literal(pg_get_serial_sequence(?, 'id')) as checklist`,
            [schema.tables.applicant, schema.tables.case, schema.tables.event, schema.checklist.table],
          );
          sequences = rows[0];
        }
        await t.raw(`create unlogged table "${table}" (${stageColumns(sequences!)})`);
        await copyRows(
          t,
          table,
          proposals.map((p, i) => ({
            n: i,
            known_applicant: p.applicantId ?? null,
            applicant_doc: p.applicantId ? null : bulkDocumentId(),
            case_doc: bulkDocumentId(),
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
      });
      return { table, rows: proposals.length };
    },

    /** Step 2, in the import's transaction: writes a staged chunk, its cases numbered from `firstNumber`. */
    async write(chunk: StagedChunk, codePrefix: string, firstNumber: number): Promise<void> {
      // The case code as the engine writes it: prefix and the number, at least six digits.
      const number = '(?::int + s.n)::text';
      const caseCode = { sql: `?::text || lpad(${number}, greatest(6, length(${number})), '0')`, bindings: [codePrefix, firstNumber, firstNumber] };
      const { sql, bindings } = chunkStatement(chunk.table, caseCode, sequences!.checklist);
      const { rows } = await trx.raw(sql, bindings);
      // A transaction that can't see the committed scratch table (not READ COMMITTED) would write nothing.
      if (rows[0]?.cases !== chunk.rows) throw new Error(`Tertulis ${rows[0]?.cases ?? 0} dari ${chunk.rows} kasus satu bagian berkas; impor dibatalkan`);
    },

    /** Drops this import's scratch tables (after its transaction has ended: they are read in it). */
    async dropStaged(): Promise<void> {
      closed = true;
      for (const table of staged.splice(0)) await side.raw(`drop table if exists "${table}"`);
    },
  };
}

/**
 * Drops the scratch tables of imports that are not running (left by a crash). An import whose
 * worker still has a session counts as running whatever `running` says; a table still locked
 * is left for the next sweep rather than waited for.
 */
export async function dropStaleStages(knex: any, running: (jobKey: string) => boolean): Promise<number> {
  const { rows } = await knex.raw(`select tablename from pg_tables where schemaname = current_schema() and tablename like ? escape '!'`, [`${STAGE_PREFIX.replace(/_/g, '!_')}%`]);
  const { rows: sessions } = await knex.raw(`select distinct application_name as name from pg_stat_activity where application_name like ? escape '!'`, [`${WORKER_APPLICATION_PREFIX}%`]);
  const live = new Set((sessions as { name: string }[]).map((r) => r.name.slice(WORKER_APPLICATION_PREFIX.length)));
  let dropped = 0;
  for (const { tablename } of rows as { tablename: string }[]) {
    const key = /^import_stage_([a-z0-9]+)_\d+$/.exec(tablename)?.[1];
    if (!key || running(key) || live.has(key)) continue;
    await knex
      .transaction(async (t: any) => {
        await t.raw(`set local lock_timeout = '5s'`);
        await t.raw(`drop table if exists "${tablename}"`);
      })
      .then(() => (dropped += 1))
      .catch(() => {});
  }
  return dropped;
}

/** What the tidy-up after an import did. */
export interface TidyOutcome {
  /** pending-list pages the GIN indexes merged (more than 512, 4 MB, means the import held them back) */
  mergedPages: number;
  ms: number;
  /** the steps that failed (each runs whatever the other did) */
  failures: string[];
}

/**
 * Tidies up after an import has committed and answered (PostgreSQL), so that neither weighs on
 * the import itself:
 * - merges the new entries of the GIN (name search) indexes of the tables it wrote, which the
 *   import left in their pending lists (form35-pipeline's deferSearchIndexMerge); left there,
 *   every search would read them all until autovacuum came by;
 * - refreshes the planner's statistics: after a hundred thousand new rows the panel's queries
 *   would otherwise be planned on the old counts. ANALYZE samples, so it is quick.
 */
export async function tidyAfterImport(knex: any, schema: StagedSchema): Promise<TidyOutcome> {
  const t0 = Date.now();
  const links = Object.values(schema.relations).flatMap((r) => ('link' in r ? [r.link.table] : []));
  const tables = [...new Set([...Object.values(schema.tables), ...links, schema.checklist.table, schema.checklist.join.table])].map((t) => `"${t.replace(/"/g, '""')}"`);
  const failures: string[] = [];
  let mergedPages = 0;
  try {
    const { rows } = await knex.raw(
      `select coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0)::int as pages
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
       where am.amname = 'gin' and i.indrelid = any(?::regclass[])`,
      [tables],
    );
    mergedPages = rows[0].pages;
  } catch (err: any) {
    failures.push(`merging the name-search index: ${err?.message ?? err}`);
  }
  try {
    await knex.raw(`analyze ${tables.join(', ')}`);
  } catch (err: any) {
    failures.push(`analyze: ${err?.message ?? err}`);
  }
  return { mergedPages, ms: Date.now() - t0, failures };
}
