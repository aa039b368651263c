import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const APPLICANT_UID = 'api::applicant.applicant';

/** The documentId a relation input names, for the simple forms the CMS and the API send. */
function relationDocumentId(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input && typeof input === 'object') {
    const o = input as any;
    if (typeof o.documentId === 'string') return o.documentId;
    const first = Array.isArray(o.connect) ? o.connect[0] : Array.isArray(o.set) ? o.set[0] : undefined;
    if (first) return typeof first === 'string' ? first : first.documentId;
  }
  return undefined;
}

/**
 * Scoping reads plain codes (office, district, village) instead of joining link tables, so
 * every write keeps the codes and the relations in step: the village decides the district
 * and, through its regency, the office.
 */
export function applicantScope(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== APPLICANT_UID || !['create', 'update'].includes(ctx.action)) return next();
    const data = (ctx.params as any)?.data;
    if (!data || !('villageCode' in data || 'village' in data)) return next();
    const regions = strapi.db.query('api::region.region');
    const village = data.villageCode ? await regions.findOne({ where: { code: data.villageCode } }) : await regions.findOne({ where: { documentId: relationDocumentId(data.village) ?? '' } });
    if (!village || village.level !== 'village') {
      const field = data.villageCode ? 'villageCode' : 'village';
      throw new errors.ValidationError('Desa/kelurahan tidak dikenal', { errors: [{ path: [field], message: 'Desa/kelurahan tidak dikenal', name: 'ValidationError' }] });
    }
    const office = await strapi.db.query('api::office.office').findOne({ where: { regencyCode: village.code.slice(0, 5) } });
    if (!office) {
      throw new errors.ValidationError('Desa/kelurahan di luar wilayah kantor mana pun', {
        errors: [{ path: ['villageCode'], message: 'Desa/kelurahan di luar wilayah kantor mana pun', name: 'ValidationError' }],
      });
    }
    // Row ids: both relations are columns of the applicant's row (relations-on-rows.ts takes ids as they are).
    Object.assign(data, { village: village.id, villageCode: village.code, districtCode: village.code.slice(0, 8), office: office.id, officeCode: office.code });
    return next();
  };
}
