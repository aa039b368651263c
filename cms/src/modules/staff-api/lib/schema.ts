import type { Core } from '@strapi/strapi';

/**
 * What the staff API needs to know of a model, read once from Strapi's schema (types, enums,
 * limits) and its database metadata (table, columns, link tables).
 */
export interface LinkInfo {
  table: string;
  /** column pointing to the owning row */
  source: string;
  /** column pointing to the related row */
  target: string;
  /**
   * The relation is a column of the row itself ("useJoinTable": false): table is the model's
   * own, source its id and target the column, so a query written for link tables still holds.
   */
  onRow?: boolean;
}

export interface AttributeInfo {
  name: string;
  type: string;
  column?: string;
  required: boolean;
  enum?: readonly string[];
  regex?: RegExp;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** relation or component target uid */
  target?: string;
  link?: LinkInfo;
  repeatable?: boolean;
}

export interface ModelInfo {
  uid: string;
  table: string;
  draftAndPublish: boolean;
  attributes: ReadonlyMap<string, AttributeInfo>;
}

const cache = new WeakMap<object, Map<string, ModelInfo>>();

export function modelInfo(strapi: Core.Strapi, uid: string): ModelInfo {
  let byUid = cache.get(strapi);
  if (!byUid) cache.set(strapi, (byUid = new Map()));
  const known = byUid.get(uid);
  if (known) return known;
  const schema: any = (strapi as any).getModel(uid);
  const meta: any = strapi.db.metadata.get(uid as any);
  if (!schema || !meta) throw new Error(`panel: unknown model ${uid}`);
  const attributes = new Map<string, AttributeInfo>();
  for (const [name, attr] of Object.entries<any>(schema.attributes)) {
    const m = meta.attributes[name] ?? {};
    const jt = m.joinTable;
    const onRow = attr.type === 'relation' && !jt && m.owner && m.joinColumn;
    attributes.set(name, {
      name,
      type: attr.type,
      column: m.columnName,
      required: attr.required === true,
      enum: attr.enum,
      regex: attr.regex ? new RegExp(attr.regex) : undefined,
      min: attr.min,
      max: attr.max,
      minLength: attr.minLength,
      maxLength: attr.maxLength,
      target: attr.target ?? attr.component,
      link:
        attr.type !== 'relation'
          ? undefined
          : jt
            ? { table: jt.name, source: jt.joinColumn.name, target: jt.inverseJoinColumn.name }
            : onRow
              ? { table: meta.tableName, source: 'id', target: m.joinColumn.name, onRow: true }
              : undefined,
      repeatable: attr.repeatable === true,
    });
  }
  const info: ModelInfo = { uid, table: meta.tableName, draftAndPublish: schema.options?.draftAndPublish === true, attributes };
  byUid.set(uid, info);
  return info;
}

export function attributeOf(model: ModelInfo, name: string): AttributeInfo {
  const a = model.attributes.get(name);
  if (!a) throw new Error(`panel: ${model.uid} has no attribute "${name}"`);
  return a;
}

/** Column of a scalar attribute; throws for relations and components (a definition error). */
export function columnOf(model: ModelInfo, name: string): string {
  const a = attributeOf(model, name);
  if (!a.column) throw new Error(`panel: ${model.uid}.${name} has no column`);
  return a.column;
}

export const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'email',
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'timestamp',
  'time',
  'json',
]);
export const ORDERED_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal', 'date', 'datetime', 'timestamp', 'time', 'string', 'uid']);
