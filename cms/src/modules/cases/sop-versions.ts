/**
 * Immutable, content-addressed snapshots of SOPs. A case records the hash of the SOP it was
 * opened under and keeps walking that version: an office editing its SOP in the CMS changes
 * new cases only, and a case never lands on an activity number that no longer means what it
 * meant. Identical SOPs share one row, so a million cases cost one definition each version.
 */
import { createHash } from 'crypto';
import { createId } from '@paralleldrive/cuid2';
import { factories } from '@strapi/strapi';
import { toDefinition, validateSop, type SopDefinition } from '../../core/sop-walker';
import { invalid, notFound } from '../../platform/errors';

const UID = 'api::sop.sop-version';
const STANDARD_UID = 'api::service-standard.service-standard';

/** Stable JSON (sorted keys), so that equal definitions hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function definitionHash(def: SopDefinition): string {
  return createHash('sha256').update(canonical(def)).digest('hex').slice(0, 40);
}

export const SOP_POPULATE = { executors: true, activities: true, tracks: true } as const;

export default factories.createCoreService(UID as any, ({ strapi }) => {
  const cache = new Map<string, SopDefinition>();

  return {
    /** The definition a case walks (cached: a hash never changes meaning). */
    async definition(hash: string): Promise<SopDefinition> {
      const hit = cache.get(hash);
      if (hit) return hit;
      const row = await strapi.db.query(UID).findOne({ where: { hash }, select: ['definition'] });
      if (!row) throw notFound(`Versi SOP ${hash} tidak ditemukan`);
      const def = typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition;
      cache.set(hash, def);
      return def;
    },

    /** Stores (once) the snapshot of an SOP document and returns its hash. */
    async snapshot(sop: any, officeCode: string): Promise<{ hash: string; definition: SopDefinition }> {
      const definition = toDefinition(sop);
      const problems = validateSop(definition);
      if (problems.length) {
        throw invalid('sop', `SOP "${definition.name}" belum dapat dijalankan: ${problems.map((p) => p.message).join('; ')}`, { problems });
      }
      const hash = definitionHash(definition);
      if (!cache.has(hash)) {
        const now = new Date();
        const meta = strapi.db.metadata.get(UID as any) as any;
        await strapi.db
          .getConnection()(meta.tableName)
          .insert({ document_id: createId(), hash, sop_document_id: definition.sopDocumentId, office_code: officeCode, definition: JSON.stringify(definition), created_at: now, updated_at: now })
          .onConflict('hash')
          .ignore();
        cache.set(hash, definition);
      }
      return { hash, definition };
    },

    /** The published standard of a service (by slug or documentId) with its published SOP. */
    async publishedService(ref: string, officeCode: string): Promise<any> {
      const std = await strapi.documents(STANDARD_UID as any).findFirst({
        filters: { $or: [{ slug: ref }, { documentId: ref }], officeCode },
        status: 'published',
        populate: { requirements: true, completionTime: true, sop: { populate: SOP_POPULATE } },
      } as any);
      if (!std) throw invalid('service', 'Layanan tidak ditemukan atau belum terbit di kantor Anda');
      if (!(std as any).sop) throw invalid('service', `Layanan "${(std as any).title}" belum memiliki SOP yang terbit`);
      return std;
    },
  };
});
