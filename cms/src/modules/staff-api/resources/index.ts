import type { Core } from '@strapi/strapi';
import { attributeOf, modelInfo, ORDERED_TYPES, SCALAR_TYPES } from '../lib/schema';
import { accessLogs } from './access-logs';
import { applicants } from './applicants';
import { batches } from './batches';
import { caseEvents } from './case-events';
import { cases } from './cases';
import { complaints } from './complaints';
import { jobs } from './jobs';
import { letters } from './letters';
import { offices } from './offices';
import { regions } from './regions';
import { roles } from './roles';
import { serviceStandards } from './service-standards';
import { sops } from './sops';
import { surveyResponses } from './survey-responses';
import type { ResourceDefinition } from './types';
import { users } from './users';

/** Every resource of the staff API, by URL name. */
export const RESOURCES: readonly ResourceDefinition[] = [
  applicants,
  cases,
  caseEvents,
  batches,
  letters,
  complaints,
  surveyResponses,
  serviceStandards,
  sops,
  offices,
  regions,
  users,
  roles,
  jobs,
  accessLogs,
];

const byName = new Map(RESOURCES.map((r) => [r.name, r]));

export function resourceNamed(name: string): ResourceDefinition {
  const def = byName.get(name);
  if (!def) throw new Error(`panel: unknown resource ${name}`);
  return def;
}

/**
 * Checks every declaration against the schema at boot, so that a renamed attribute fails
 * loudly at start instead of as a 500 on some request.
 */
export function checkDefinitions(strapi: Core.Strapi): void {
  const problems: string[] = [];
  for (const def of RESOURCES) {
    const model = modelInfo(strapi, def.uid);
    const has = (name: string) => model.attributes.has(name);
    const where = (what: string, name: string) => `${def.name}.${what} "${name}"`;
    for (const f of [...def.fields, ...def.label]) if (!has(f) || !SCALAR_TYPES.has(attributeOf(model, f).type)) problems.push(where('field', f));
    for (const [rel, target] of Object.entries(def.relations ?? {})) {
      if (!has(rel) || !attributeOf(model, rel).link) problems.push(where('relation', rel));
      else if (!byName.has(target) || byName.get(target)!.uid !== attributeOf(model, rel).target) problems.push(where('relation target', `${rel} -> ${target}`));
    }
    for (const c of def.components ?? []) if (!has(c) || attributeOf(model, c).type !== 'component') problems.push(where('component', c));
    for (const [f, ops] of Object.entries(def.filters)) {
      if (!has(f)) problems.push(where('filter', f));
      else if (attributeOf(model, f).type === 'relation' ? !def.relations?.[f] || ops.some((o) => o !== 'eq') : ops.some((o) => o !== 'eq' && !ORDERED_TYPES.has(attributeOf(model, f).type)))
        problems.push(where('filter', f));
    }
    for (const s of def.sortable) if (!has(s) || !attributeOf(model, s).column) problems.push(where('sort', s));
    for (const w of [...(def.writable?.create ?? []), ...(def.writable?.update ?? [])]) if (!has(w)) problems.push(where('writable', w));
    for (const m of Object.keys(def.masked ?? {})) if (!def.fields.includes(m)) problems.push(where('masked', m));
    if (def.versionField && (!def.fields.includes(def.versionField) || attributeOf(model, def.versionField).type !== 'integer')) problems.push(where('versionField', def.versionField));
    // Every resource staff edit is optimistically locked (services/writes.ts): no lost updates.
    if (def.access.update && !def.versionField) problems.push(where('versionField', '(none: a resource with updates needs one)'));
  }
  if (problems.length) throw new Error(`panel: resource declarations don't match the schema: ${problems.join(', ')}`);
}
