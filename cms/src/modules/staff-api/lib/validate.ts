import type { Core } from '@strapi/strapi';
import { checkDate, checkDateTime } from '../../../core/dates';
import { isMasked } from '../../../core/mask';
import type { PanelRecord, ResourceDefinition } from '../resources/types';
import { fieldError } from '../../../platform/errors';
import { ID_PATTERN } from './params';
import { modelInfo, type AttributeInfo, type ModelInfo } from './schema';

/**
 * The body of a create or update, checked against what the resource lets write and typed by
 * the schema. Fields of the record that can't be written (id, labels, codes the server keeps)
 * are ignored, as react-admin sends the whole record back; anything else is a 400 naming it.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_STRING = 255;
const MAX_TEXT = 20_000;
const MAX_ITEMS = 200;
const STRING_TYPES = new Set(['string', 'text', 'richtext', 'uid', 'email', 'password']);

function coerce(strapi: Core.Strapi, field: string, attr: AttributeInfo, value: unknown): unknown {
  const bad = (message: string) => fieldError(field, message, typeof value === 'object' ? undefined : value);
  if (value === '' && STRING_TYPES.has(attr.type) && !attr.required) value = null;
  if (value === null || value === undefined) {
    if (attr.required) throw bad('wajib diisi');
    return null;
  }
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
    case 'email':
    case 'password': {
      if (typeof value !== 'string') throw bad('harus teks');
      const max = attr.maxLength ?? (attr.type === 'text' || attr.type === 'richtext' ? MAX_TEXT : MAX_STRING);
      if (value.length > max) throw bad(`maksimal ${max} karakter`);
      if (attr.minLength !== undefined && value.length < attr.minLength && attr.type !== 'password') throw bad(`minimal ${attr.minLength} karakter`);
      if (attr.required && value.trim() === '') throw bad('wajib diisi');
      if (attr.regex && !attr.regex.test(value)) throw bad('formatnya tidak valid');
      if (attr.type === 'email' && !EMAIL.test(value)) throw bad('bukan alamat email yang valid');
      return value;
    }
    case 'enumeration':
      if (typeof value !== 'string' || !attr.enum?.includes(value)) throw bad(`nilai harus salah satu dari: ${attr.enum?.join(', ')}`);
      return value;
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      const integer = attr.type === 'integer' || attr.type === 'biginteger';
      if (typeof n !== 'number' || !Number.isFinite(n) || (integer && !Number.isSafeInteger(n))) throw bad(integer ? 'harus bilangan bulat' : 'harus angka');
      if (attr.min !== undefined && n < attr.min) throw bad(`minimal ${attr.min}`);
      if (attr.max !== undefined && n > attr.max) throw bad(`maksimal ${attr.max}`);
      return n;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('harus true atau false');
      return value;
    case 'date': {
      // A real calendar day within the system's span (core/dates.ts): "2026-02-31" and year 99999 are refused.
      const checked = checkDate(value);
      if ('problem' in checked) throw bad(checked.problem);
      return checked.date;
    }
    case 'datetime':
    case 'timestamp': {
      const checked = typeof value === 'string' ? checkDateTime(value) : { problem: 'harus tanggal dan waktu ISO 8601' };
      if ('problem' in checked) throw bad(checked.problem);
      return checked.at;
    }
    case 'json':
      return value;
    case 'relation':
      if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw bad('harus id data terkait');
      return value;
    case 'component':
      return attr.repeatable ? componentList(strapi, field, attr, value) : componentValue(strapi, field, attr.target!, value);
    default:
      throw bad('tidak dapat diubah');
  }
}

function componentList(strapi: Core.Strapi, field: string, attr: AttributeInfo, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw fieldError(field, 'harus berupa daftar');
  if (value.length > MAX_ITEMS) throw fieldError(field, `paling banyak ${MAX_ITEMS} butir`);
  return value.map((item, i) => componentValue(strapi, `${field}.${i}`, attr.target!, item));
}

function componentValue(strapi: Core.Strapi, field: string, uid: string, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fieldError(field, 'harus berupa objek');
  const model = modelInfo(strapi, uid);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'id' || key === '__component') continue;
    const attr = model.attributes.get(key);
    if (!attr || attr.type === 'media' || attr.type === 'relation') throw fieldError(`${field}.${key}`, 'kolom tidak dikenal atau tidak dapat diubah');
    out[key] = coerce(strapi, `${field}.${key}`, attr, v);
  }
  for (const [key, attr] of model.attributes) if (attr.required && out[key] == null) throw fieldError(`${field}.${key}`, 'wajib diisi');
  return out;
}

/** Keys of the record as the API shows it: sent back in a PUT, they are not errors. */
function shownKeys(def: ResourceDefinition, model: ModelInfo): Set<string> {
  const keys = new Set<string>(['id', ...def.fields, ...(def.components ?? []), ...Object.keys(def.computed ?? {})]);
  for (const rel of Object.keys(def.relations ?? {})) keys.add(rel).add(`${rel}Label`);
  if (model.draftAndPublish) keys.add('published');
  return keys;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b);

export function readWriteBody(strapi: Core.Strapi, def: ResourceDefinition, body: unknown, action: 'create' | 'update', current?: PanelRecord): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError('body', 'harus berupa objek JSON');
  const model = modelInfo(strapi, def.uid);
  const writable = new Set(def.writable?.[action] ?? []);
  const shown = shownKeys(def, model);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (writable.has(key)) {
      // A masked value sent back means "unchanged".
      if (def.masked?.[key] && isMasked(value)) continue;
      const v = coerce(strapi, key, model.attributes.get(key)!, value);
      if (current && same(v, current[key])) continue;
      data[key] = v;
    } else if (!shown.has(key)) {
      throw fieldError(key, `kolom "${key}" tidak dikenal atau tidak dapat diisi`);
    }
  }
  return data;
}

/** Schema-required attributes missing from a create; names the first one. */
export function checkRequired(strapi: Core.Strapi, def: ResourceDefinition, data: Record<string, unknown>): void {
  for (const [name, attr] of modelInfo(strapi, def.uid).attributes) {
    if (attr.required && (data[name] === undefined || data[name] === null)) {
      if (def.writable?.create?.includes(name)) throw fieldError(name, 'wajib diisi');
      throw new Error(`panel: ${def.name} create leaves the required attribute "${name}" empty`);
    }
  }
}
