import type { WriteContext } from './types';

/** Puts a new record in the staff member's office (relation and code column together). */
export async function assignOffice(data: Record<string, unknown>, ctx: WriteContext): Promise<void> {
  if (ctx.action !== 'create') return;
  const office = await ctx.trx(ctx.sql.tableOf('api::office.office')).where(ctx.sql.columnOf('api::office.office', 'code'), ctx.staff.officeCode).first('document_id');
  data.office = office.document_id;
  data.officeCode = ctx.staff.officeCode;
}
