import { FIELD_NAMES, seesIdentityInFull, WHOLE_VALUE } from '../../../core/identity-visibility';
import { checkDate, checkDateTime } from '../../../core/dates';
import type { StaffContext } from '../../../core/staff';
import { fieldError } from '../../../platform/errors';
import { attributeOf, ORDERED_TYPES, type AttributeInfo, type ModelInfo } from './schema';
import type { FilterOp, ResourceDefinition, SortOrder } from '../resources/types';

/**
 * Parsing of ra-data-simple-rest's list parameters:
 *   sort=["field","ASC"]  range=[0,24]  filter={"status":"open","receivedAt_gte":"2026-01-01","q":"siti"}
 * against what the resource declares. Everything not declared is a 400 naming the parameter
 * and the field; values are typed by the schema, so operators or SQL smuggled into a value
 * never reach the database as anything but a typed parameter.
 */

/** Largest page; bigger ranges are cut to this (Content-Range tells what was returned). */
export const MAX_RANGE = 1000;
/** Deepest offset accepted. */
export const MAX_OFFSET = 10_000_000;
export const MAX_IDS = 1000;
const MAX_LIST_VALUES = 100;
const MAX_PARAM_LENGTH = 8000;
const MAX_TEXT_VALUE = 200;
export const MIN_SEARCH = 3;
const MAX_SEARCH = 100;
export const ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** Dates in filters follow the rule of every stored date (core/dates): a real calendar day in the span. */
const isCalendarDate = (v: string): boolean => 'date' in checkDate(v);
const isCalendarDateTime = (v: string): boolean => 'at' in checkDateTime(v);

export type Scalar = string | number | boolean | Date;

export type ParsedFilter =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'search'; term: string }
  | { kind: 'eq'; attribute: string; values: Scalar[] | null }
  | { kind: 'compare'; attribute: string; op: Exclude<FilterOp, 'eq'>; value: Scalar }
  | { kind: 'relation'; attribute: string; ids: string[] | null }
  | { kind: 'custom'; name: string; value: boolean | string };

export interface ListQuery {
  sort: { attribute: string; order: SortOrder };
  /** null: no range given (getMany), all matching rows up to MAX_IDS */
  range: { start: number; end: number } | null;
  filters: ParsedFilter[];
}

const KNOWN_PARAMS = new Set(['sort', 'range', 'filter']);

function jsonParam(name: string, raw: unknown): unknown {
  if (typeof raw !== 'string') throw fieldError(name, 'harus berupa teks JSON, misalnya ' + (name === 'sort' ? '["id","ASC"]' : name === 'range' ? '[0,24]' : '{"status":"in-progress"}'));
  if (raw.length > MAX_PARAM_LENGTH) throw fieldError(name, `terlalu panjang (maksimal ${MAX_PARAM_LENGTH} karakter)`);
  try {
    return JSON.parse(raw);
  } catch {
    throw fieldError(name, 'bukan JSON yang valid');
  }
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function parseSort(def: ResourceDefinition, raw: unknown): ListQuery['sort'] {
  if (raw === undefined) return { attribute: def.defaultSort[0], order: def.defaultSort[1] };
  const v = jsonParam('sort', raw);
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') {
    throw fieldError('sort', 'harus berbentuk ["kolom","ASC"] atau ["kolom","DESC"]');
  }
  const [attribute, orderRaw] = v as [string, string];
  const order = orderRaw.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw fieldError('sort', `urutan "${orderRaw}" tidak dikenal; gunakan ASC atau DESC`);
  if (attribute !== 'id' && !def.sortable.includes(attribute)) {
    throw fieldError(`sort.${attribute}`, `tidak dapat diurutkan menurut "${attribute}"; yang dapat: ${['id', ...def.sortable].join(', ')}`);
  }
  return { attribute, order };
}

function parseRange(raw: unknown): ListQuery['range'] {
  if (raw === undefined) return null;
  const v = jsonParam('range', raw);
  if (!Array.isArray(v) || v.length !== 2) throw fieldError('range', 'harus berbentuk [awal,akhir], misalnya [0,24]');
  const [start, end] = v;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw fieldError('range', 'awal dan akhir harus bilangan bulat');
  if (start < 0 || end < 0) throw fieldError('range', 'tidak boleh negatif');
  if (end < start) throw fieldError('range', 'akhir tidak boleh lebih kecil dari awal');
  if (start > MAX_OFFSET) throw fieldError('range', `awal terlalu besar (maksimal ${MAX_OFFSET})`);
  return { start, end: Math.min(end, start + MAX_RANGE - 1) };
}

function checkId(field: string, v: unknown): string {
  if (typeof v !== 'string' || !ID_PATTERN.test(v)) throw fieldError(field, 'id tidak valid', v);
  return v;
}

function idList(field: string, v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length > MAX_IDS) throw fieldError(field, `paling banyak ${MAX_IDS} id`);
  return list.map((x) => checkId(field, x));
}

/** A filter value typed by the attribute's schema type. */
export function scalarValue(field: string, attr: AttributeInfo, v: unknown): Scalar {
  const bad = (what: string) => fieldError(field, what, typeof v === 'object' ? undefined : v);
  switch (attr.type) {
    case 'enumeration':
      if (typeof v !== 'string' || !attr.enum?.includes(v)) throw bad(`nilai harus salah satu dari: ${attr.enum?.join(', ')}`);
      return v;
    case 'integer':
    case 'biginteger': {
      const n = typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad('harus bilangan bulat');
      return n;
    }
    case 'float':
    case 'decimal': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('harus angka');
      return n;
    }
    case 'boolean':
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw bad('harus true atau false');
    case 'date':
      if (typeof v !== 'string' || !isCalendarDate(v)) throw bad('harus tanggal yang ada di kalender, berformat YYYY-MM-DD');
      return v;
    case 'datetime':
    case 'timestamp': {
      if (typeof v !== 'string' || !isCalendarDateTime(v)) throw bad('harus tanggal dan waktu ISO 8601 yang ada di kalender, misalnya 2026-01-31T00:00:00Z');
      return new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    }
    default:
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v !== 'string') throw bad('harus teks');
      if (v.length > MAX_TEXT_VALUE) throw bad(`terlalu panjang (maksimal ${MAX_TEXT_VALUE} karakter)`);
      return v;
  }
}

function parseFilter(def: ResourceDefinition, model: ModelInfo, raw: unknown): ParsedFilter[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const v = jsonParam('filter', raw);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw fieldError('filter', 'harus berupa objek JSON, misalnya {"status":"in-progress"}');
  const out: ParsedFilter[] = [];
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    const field = `filter.${key}`;
    if (key === 'id') {
      out.push({ kind: 'ids', ids: idList(field, value) });
      continue;
    }
    if (key === 'q' && def.search) {
      if (typeof value !== 'string') throw fieldError(field, 'harus teks');
      const term = value.trim();
      if (term.length === 0) continue;
      if (term.length < MIN_SEARCH) throw fieldError(field, `pencarian minimal ${MIN_SEARCH} karakter`);
      if (term.length > MAX_SEARCH) throw fieldError(field, `pencarian maksimal ${MAX_SEARCH} karakter`);
      out.push({ kind: 'search', term });
      continue;
    }
    if (def.customFilters && own(def.customFilters, key)) {
      const custom = def.customFilters[key];
      if (custom.type === 'boolean') {
        if (value !== true && value !== false && value !== 'true' && value !== 'false') throw fieldError(field, 'harus true atau false');
        out.push({ kind: 'custom', name: key, value: value === true || value === 'true' });
      } else if (custom.type === 'pattern') {
        if (typeof value !== 'string' || !custom.pattern!.test(value)) throw fieldError(field, `harus ${custom.hint}`);
        out.push({ kind: 'custom', name: key, value });
      } else if (custom.type === 'date') {
        if (typeof value !== 'string' || !isCalendarDate(value)) throw fieldError(field, 'harus tanggal yang ada di kalender, berformat YYYY-MM-DD', typeof value === 'object' ? undefined : value);
        out.push({ kind: 'custom', name: key, value });
      } else {
        if (typeof value !== 'string' || !custom.values?.includes(value)) throw fieldError(field, `nilai harus salah satu dari: ${custom.values?.join(', ')}`);
        out.push({ kind: 'custom', name: key, value });
      }
      continue;
    }
    const m = /^(.+)_(gte|lte|gt|lt)$/.exec(key);
    const [attribute, op] = m && own(def.filters, m[1]) ? [m[1], m[2] as FilterOp] : [key, 'eq' as FilterOp];
    if (!own(def.filters, attribute) || !def.filters[attribute].includes(op)) {
      const known = Object.keys(def.filters).flatMap((a) => def.filters[a].map((o) => (o === 'eq' ? a : `${a}_${o}`)));
      throw fieldError(field, `filter "${key}" tidak dikenal; yang dapat: ${['id', ...(def.search ? ['q'] : []), ...known, ...Object.keys(def.customFilters ?? {})].join(', ')}`);
    }
    const attr = attributeOf(model, attribute);
    if (attr.type === 'relation') {
      out.push({ kind: 'relation', attribute, ids: value === null ? null : idList(field, value) });
    } else if (op === 'eq') {
      if (value === null) out.push({ kind: 'eq', attribute, values: null });
      else if (Array.isArray(value)) {
        if (value.length > MAX_LIST_VALUES) throw fieldError(field, `paling banyak ${MAX_LIST_VALUES} nilai`);
        out.push({ kind: 'eq', attribute, values: value.map((x) => scalarValue(field, attr, x)) });
      } else out.push({ kind: 'eq', attribute, values: [scalarValue(field, attr, value)] });
    } else {
      if (!ORDERED_TYPES.has(attr.type)) throw fieldError(field, 'tidak dapat dibandingkan');
      out.push({ kind: 'compare', attribute, op: op as Exclude<FilterOp, 'eq'>, value: scalarValue(field, attr, value) });
    }
  }
  return out;
}

/** Parses the query string of a list request; throws a 400 naming the offending parameter. */
export function parseListQuery(def: ResourceDefinition, model: ModelInfo, query: Record<string, unknown>): ListQuery {
  for (const key of Object.keys(query)) {
    if (!KNOWN_PARAMS.has(key)) throw fieldError(key, `parameter "${key}" tidak dikenal; gunakan sort, range dan filter`);
  }
  return { sort: parseSort(def, query.sort), range: parseRange(query.range), filters: parseFilter(def, model, query.filter) };
}

/**
 * Rule 2 of core/identity-visibility.ts on a list's filters and sort: a role that sees
 * personal numbers masked may filter a masked field only by one whole value (or null), may not
 * compare or sort by it. Otherwise `{"id":[A],"nik":[100 guesses]}` or a sort by NIK among
 * known rows would tell the hidden digits.
 */
export function checkMaskedUse(def: ResourceDefinition, staff: StaffContext, use: { filters?: readonly ParsedFilter[]; sort?: ListQuery['sort'] }): void {
  if (seesIdentityInFull(staff) || !def.masked) return;
  for (const f of use.filters ?? []) {
    if (f.kind !== 'eq' && f.kind !== 'compare') continue;
    const field = def.masked[f.attribute];
    if (!field) continue;
    const what = FIELD_NAMES[field];
    if (f.kind === 'compare') throw fieldError(`filter.${f.attribute}_${f.op}`, `${what} tidak dapat dibandingkan: peran Anda melihat ${what} tersamar`);
    if (f.values === null) continue;
    if (f.values.length !== 1 || !WHOLE_VALUE[field].test(String(f.values[0]))) {
      throw fieldError(`filter.${f.attribute}`, `peran Anda melihat ${what} tersamar, jadi hanya dapat mencari dengan satu ${what} yang lengkap`);
    }
  }
  if (use.sort && def.masked[use.sort.attribute]) {
    throw fieldError(`sort.${use.sort.attribute}`, `tidak dapat diurutkan menurut ${FIELD_NAMES[def.masked[use.sort.attribute]]}: peran Anda melihatnya tersamar`);
  }
}
