import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StaffContext } from '../../../core/staff';

/** Route middleware after global::staff-context: staff print their own office's standards and SOPs (drafts included, for review). */
export default (config: { uid: string; key: 'slug' | 'documentId' }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const staff: StaffContext | undefined = ctx.state.staff;
    if (!staff) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu');
    const value = ctx.params[config.key];
    const row: any = await strapi.db.query(config.uid as any).findOne({ where: { [config.key]: value }, select: ['officeCode'] });
    if (!row || row.officeCode !== staff.officeCode) throw new errors.NotFoundError('Dokumen tidak ditemukan');
    await next();
  };
