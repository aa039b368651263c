import { checkIdentity } from '../../../core/nik';
import type { WriteContext } from './types';

const IDENTITY = ['nik', 'kkNumber', 'sex', 'birthDate'] as const;

/**
 * Whether an applicant's update would be written but for its NIK: the identity fields agree
 * (the check of modules/cases/write-rules/validate-identity.ts) and the applicant stays within the
 * writer's area (the read-back of services/writes.ts). The update's NIK conflict is told only
 * then; otherwise the write fails as it would for an unknown NIK.
 */
export async function nikUpdateWouldPass(data: Record<string, unknown>, ctx: Pick<WriteContext, 'staff' | 'trx' | 'sql' | 'current'>): Promise<boolean> {
  const current: Record<string, unknown> = ctx.current ?? {};
  const merged = Object.fromEntries(IDENTITY.map((f) => [f, f in data ? data[f] : current[f]]));
  if (checkIdentity(merged).length) return false;
  const { staff } = ctx;
  if (staff.scope === 'office') return true;
  let village = typeof data.villageCode === 'string' ? data.villageCode : undefined;
  if (village === undefined && typeof data.village === 'string') {
    const R = 'api::region.region';
    const region = await ctx
      .trx(ctx.sql.tableOf(R))
      .where('document_id', data.village)
      .first(`${ctx.sql.columnOf(R, 'code')} as code`);
    village = region?.code;
  }
  const code = village ?? (typeof current.villageCode === 'string' ? current.villageCode : '');
  if (staff.scope === 'village') return code === staff.regionCode;
  if (staff.scope === 'district') return code.startsWith(`${staff.regionCode}.`);
  return false;
}
