import { identityAsShown, seesIdentityInFull } from '../../../core/identity-visibility';
import type { StaffContext } from '../../../core/staff';
import type { PanelRecord, ResourceDefinition } from '../resources/types';
import type { AttributeInfo, ModelInfo } from './schema';

/** Database value -> JSON value, the same on PostgreSQL and SQLite. */
export function fromDb(attr: AttributeInfo, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (attr.type) {
    case 'boolean':
      return v === true || v === 1 || v === '1' || v === 't' || v === 'true';
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return Number(v);
    case 'datetime':
    case 'timestamp': {
      const d = v instanceof Date ? v : new Date(typeof v === 'number' || /^\d+$/.test(String(v)) ? Number(v) : String(v));
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    case 'json':
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    default:
      return v;
  }
}

/** Component values as Strapi returns them, without their internal row ids. */
export function withoutIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'id' && k !== '__component') out[k] = withoutIds(x);
    return out;
  }
  return v;
}

/** The record's personal numbers as this staff member may see them (core/identity-visibility.ts). */
export function maskRecord(def: ResourceDefinition, record: PanelRecord, staff: StaffContext): PanelRecord {
  if (seesIdentityInFull(staff) || !def.masked) return record;
  const out = { ...record };
  for (const [field, kind] of Object.entries(def.masked)) {
    if (typeof out[field] === 'string') out[field] = identityAsShown(staff, kind, out[field] as string);
  }
  return out;
}

/** Scalar part of a record: id, declared fields typed, computed values. */
export function scalarRecord(def: ResourceDefinition, model: ModelInfo, row: Record<string, unknown>, now: Date, staff?: StaffContext): PanelRecord {
  const record: PanelRecord = { id: String(row.__doc) };
  for (const field of def.fields) record[field] = fromDb(model.attributes.get(field)!, row[field]);
  if (model.draftAndPublish) record.published = fromDb({ name: 'published', type: 'boolean', required: false }, row.__published);
  for (const [name, compute] of Object.entries(def.computed ?? {})) record[name] = compute(record, now, staff);
  return record;
}
