import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IdentityField } from '../../../core/identity-visibility';
import type { StaffRole } from '../../../core/roles';
import type { StaffContext } from '../../../core/staff';

/**
 * The declaration of one resource of the staff API. The generic engine (services/records.ts,
 * services/writes.ts) reads nothing else: what a resource shows, lets filter, sort and write,
 * who may do what, and which rows each staff member may see.
 */

export type Action = 'read' | 'create' | 'update' | 'delete';
/** "eq" takes a value, a list of values (IN) or null; the others compare. */
export type FilterOp = 'eq' | 'gte' | 'lte' | 'gt' | 'lt';
export type SortOrder = 'ASC' | 'DESC';

/** SQL helpers given to scope rules, searches and custom filters; the resource's table is aliased "t". */
export interface SqlTools {
  knex: Knex;
  client: string;
  /** `t.<column>` of an attribute of this resource */
  col(attribute: string): string;
  /** table name of a model */
  tableOf(uid: string): string;
  /** column name of an attribute of a model */
  columnOf(uid: string, attribute: string): string;
  /** link table of a relation attribute of a model */
  linkOf(uid: string, attribute: string): { table: string; source: string; target: string };
  /** case-insensitive "contains" on a column, with LIKE wildcards in the term escaped */
  contains(qb: Knex.QueryBuilder, column: string, term: string): Knex.QueryBuilder;
  /** case-sensitive "starts with" (NIK digits, codes), served by a btree index */
  startsWith(qb: Knex.QueryBuilder, column: string, term: string): Knex.QueryBuilder;
  /**
   * Restricts `column` to the ids a subquery selects, running the subquery first: a search is
   * then planned from its few matches instead of by walking the big table in sort order and
   * testing each row. Beyond SEARCH_IDS_LIMIT matches the subquery stays inline.
   */
  whereIdIn(qb: Knex.QueryBuilder, column: string, ids: Knex.QueryBuilder): Promise<void>;
  /** An upper bound of the rows the query can match, from the id lists applied so far. */
  readonly maxRows: number;
}

/** Restricts a query to what a staff member may see. Must hold for every action. */
export type ScopeRule = (qb: Knex.QueryBuilder, staff: StaffContext, sql: SqlTools) => void;

export interface CustomFilter {
  /** date: a real calendar day, YYYY-MM-DD */
  type: 'boolean' | 'enum' | 'pattern' | 'date';
  values?: readonly string[];
  /** type pattern: the value must match; `hint` says what is expected */
  pattern?: RegExp;
  hint?: string;
  apply(qb: Knex.QueryBuilder, value: boolean | string, staff: StaffContext, sql: SqlTools): void | Promise<void>;
}

/** The "q" filter; it adds its own conditions to qb (grouping any OR) and may query first. */
export type SearchRule = (qb: Knex.QueryBuilder, term: string, staff: StaffContext, sql: SqlTools) => void | Promise<void>;

/** A record as the API shows it: documentId as id, relations as id plus label. */
export type PanelRecord = { id: string } & Record<string, unknown>;

export interface WriteContext {
  strapi: Core.Strapi;
  staff: StaffContext;
  action: 'create' | 'update';
  /** the transaction the write runs in */
  trx: Knex;
  /** SQL helpers bound to the transaction */
  sql: SqlTools;
  /** the stored record before an update, unmasked */
  current?: PanelRecord;
  /** row id of the stored record */
  currentId?: number;
}

export interface DeleteContext {
  strapi: Core.Strapi;
  staff: StaffContext;
  trx: Knex;
  sql: SqlTools;
  record: PanelRecord;
  rowId: number;
}

export interface ResourceHooks {
  /**
   * Replaces the generic create when another service owns it (cases are opened by the case
   * engine): takes the raw body, returns the new record's documentId.
   */
  create?(body: unknown, staff: StaffContext, strapi: Core.Strapi): Promise<string>;
  /**
   * Completes or checks the data of a create or update before it is written: derived codes,
   * office, generated numbers, cross-field rules. Throws AppErrors naming the field.
   */
  beforeWrite?(data: Record<string, unknown>, ctx: WriteContext): Promise<void>;
  /** Runs in the same transaction after a create (e.g. a history entry). */
  afterCreate?(record: PanelRecord, rowId: number, ctx: WriteContext): Promise<void>;
  /** Refuses a delete with a conflict when the record is still in use. */
  beforeDelete?(ctx: DeleteContext): Promise<void>;
}

export interface ResourceDefinition {
  /** URL segment: /api/panel/<name> */
  name: string;
  uid: string;
  /** attributes tried in order for the display label */
  label: readonly string[];
  /** scalar attributes in responses (id is always there) */
  fields: readonly string[];
  /** relation attribute -> target resource name; shown as <attr> (id) and <attr>Label */
  relations?: Readonly<Record<string, string>>;
  /** components, returned by get-one only */
  components?: readonly string[];
  /** values computed from the record (read-only) */
  computed?: Readonly<Record<string, (record: PanelRecord, now: Date, staff?: StaffContext) => unknown>>;
  filters: Readonly<Record<string, readonly FilterOp[]>>;
  customFilters?: Readonly<Record<string, CustomFilter>>;
  /** the "q" filter */
  search?: SearchRule;
  sortable: readonly string[];
  defaultSort: readonly [string, SortOrder];
  /** a second sort key per sortable attribute, applied in the same direction (before the row id) */
  sortThen?: Readonly<Record<string, string>>;
  writable?: { create?: readonly string[]; update?: readonly string[] };
  /** accepted in writes but never shown (passwords) */
  writeOnly?: readonly string[];
  /**
   * Personal numbers, by what each field holds: masked for roles that don't see identities in
   * full, and matched by them only whole (core/identity-visibility.ts).
   */
  masked?: Readonly<Record<string, IdentityField>>;
  /**
   * The records are applicants, called so in the privacy log's words ("pemohon"): a list or
   * get-one that gives a masked field in full is recorded there (cms/src/modules/privacy), each
   * record's row as the applicant seen.
   */
  logsFullViews?: string;
  /** roles allowed per action; an action left out is not offered at all (405) */
  access: Readonly<Partial<Record<Action, readonly StaffRole[]>>>;
  scope: ScopeRule;
  /**
   * Optimistic lock, required of every resource with updates: an integer attribute that updates
   * must send back as read (else 409), and that every write through the document service
   * increments (platform/document-middlewares/optimistic-lock.ts).
   */
  versionField?: string;
  hooks?: ResourceHooks;
}
