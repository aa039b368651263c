import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { caseInScope, SENT_TO_BPJS } from '../../../core/case-scope';
import type { StaffContext } from '../../../core/staff';

/**
 * Route middleware, after global::staff-context (Strapi runs route policies before route
 * middlewares, so a policy would not see ctx.state.staff yet). Staff may print a letter of their own office only; village and district operators only the
 * letters of cases (or recaps) in their area; the BPJS liaison only what was handed to BPJS. Another office's letter is answered like a
 * missing one, so its existence is not revealed.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const staff: StaffContext | undefined = ctx.state.staff;
    if (!staff) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu');
    const letter: any = await strapi.db.query('api::letter.letter').findOne({
      where: { documentId: ctx.params.documentId },
      select: ['id', 'officeCode'],
      populate: {
        office: { select: ['code'] },
        case: { select: ['officeCode', 'villageCode', 'districtCode', 'queueRoles', 'bpjsResult'] },
        batch: { select: ['villageCode', 'districtCode', 'status'] },
      },
    });
    const officeCode = letter?.officeCode ?? letter?.office?.code;
    if (!letter || officeCode !== staff.officeCode) throw new errors.NotFoundError('Surat tidak ditemukan');
    const area = letter.case ?? letter.batch ?? {};
    // PolicyError keeps its message through Strapi's authorize step (a plain ForbiddenError is blanked).
    if (staff.scope === 'village' && area.villageCode !== staff.regionCode) throw new errors.PolicyError('Surat ini di luar wilayah desa/kelurahan Anda');
    if (staff.scope === 'district' && area.districtCode !== staff.regionCode) throw new errors.PolicyError('Surat ini di luar wilayah kecamatan Anda');
    // The BPJS liaison: letters of the cases handed to BPJS and of the batches sent to it.
    if (staff.scope === 'bpjs') {
      const handed = letter.case ? caseInScope(staff, letter.case) : (SENT_TO_BPJS as readonly string[]).includes(letter.batch?.status);
      if (!handed) throw new errors.NotFoundError('Surat tidak ditemukan');
    }
    await next();
  };
