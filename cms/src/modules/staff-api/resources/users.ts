import { passwordProblem } from '../../../core/password-policy';
import { forgetStaff } from '../staff-context';
import { conflict, fieldError } from '../../../platform/errors';
import { assignOffice } from './office-owned';
import { officeScope } from './scopes';
import type { ResourceDefinition, WriteContext } from './types';

const USER = 'plugin::users-permissions.user';
const EDITABLE = ['username', 'email', 'password', 'fullName', 'nip', 'phone', 'role', 'region', 'blocked', 'lockedUntil'] as const;
/** The region an operator role needs. */
const REGION_LEVEL: Record<string, 'village' | 'district'> = { 'operator-desa': 'village', 'operator-kecamatan': 'district' };

async function roleTypeOf(ctx: WriteContext, roleDocumentId: unknown): Promise<string | undefined> {
  if (typeof roleDocumentId === 'string') {
    const row = await ctx.trx(ctx.sql.tableOf('plugin::users-permissions.role')).where('document_id', roleDocumentId).first('type');
    return row?.type;
  }
  if (ctx.currentId === undefined) return undefined;
  const link = ctx.sql.linkOf(USER, 'role');
  const row = await ctx
    .trx({ l: link.table })
    .join({ r: ctx.sql.tableOf('plugin::users-permissions.role') }, 'r.id', `l.${link.target}`)
    .where(`l.${link.source}`, ctx.currentId)
    .first('r.type');
  return row?.type;
}

async function checkUnique(ctx: WriteContext, data: Record<string, unknown>, field: 'username' | 'email'): Promise<void> {
  if (typeof data[field] !== 'string') return;
  const col = ctx.sql.columnOf(USER, field);
  const taken = await ctx
    .trx(ctx.sql.tableOf(USER))
    .whereRaw('lower(??) = lower(?)', [col, data[field] as string])
    .whereNot('id', ctx.currentId ?? 0)
    .first('id');
  if (taken) throw conflict(field === 'username' ? 'Nama pengguna sudah dipakai' : 'Email sudah dipakai', { field });
}

/** Operators belong to a village or district of the office; other roles to no region. */
async function checkRegion(ctx: WriteContext, data: Record<string, unknown>, role: string | undefined): Promise<void> {
  const regionId = data.region !== undefined ? data.region : ctx.current?.region;
  const level = role ? REGION_LEVEL[role] : undefined;
  if (!level) {
    if (regionId) {
      if (data.region === undefined) Object.assign(data, { region: null, regionCode: null });
      else throw fieldError('region', 'hanya operator desa/kelurahan dan kecamatan yang memiliki wilayah');
    }
    return;
  }
  if (!regionId) throw fieldError('region', level === 'village' ? 'operator desa/kelurahan wajib memiliki desa/kelurahan' : 'operator kecamatan wajib memiliki kecamatan');
  const R = 'api::region.region';
  const region = await ctx
    .trx(ctx.sql.tableOf(R))
    .where('document_id', regionId)
    .first(`${ctx.sql.columnOf(R, 'code')} as code`, `${ctx.sql.columnOf(R, 'level')} as level`);
  if (region?.level !== level) throw fieldError('region', level === 'village' ? 'wilayah harus sebuah desa/kelurahan' : 'wilayah harus sebuah kecamatan');
  data.region = regionId;
  data.regionCode = region.code;
}

/** Staff accounts of the admin's own office. */
export const users: ResourceDefinition = {
  name: 'users',
  uid: USER,
  label: ['fullName', 'username'],
  fields: ['username', 'email', 'fullName', 'nip', 'phone', 'officeCode', 'regionCode', 'blocked', 'lockedUntil', 'createdAt', 'updatedAt', 'version'],
  relations: { role: 'roles', office: 'offices', region: 'regions' },
  filters: { username: ['eq'], role: ['eq'], region: ['eq'], regionCode: ['eq'], blocked: ['eq'] },
  search: (qb, term, _staff, sql) => {
    qb.where((b) => {
      sql.contains(b, sql.col('username'), term);
      sql.contains(b.or, sql.col('fullName'), term);
    });
  },
  sortable: ['username', 'fullName', 'createdAt'],
  defaultSort: ['username', 'ASC'],
  writable: { create: EDITABLE, update: EDITABLE },
  writeOnly: ['password'],
  access: { read: ['admin-kantor'], create: ['admin-kantor'], update: ['admin-kantor'], delete: ['admin-kantor'] },
  scope: officeScope(),
  versionField: 'version',
  hooks: {
    async beforeWrite(data, ctx) {
      if (data.password !== undefined) {
        const owner = { username: data.username ?? ctx.current?.username, fullName: data.fullName ?? ctx.current?.fullName, email: data.email ?? ctx.current?.email };
        const problem = passwordProblem(data.password, owner);
        if (problem) throw fieldError('password', problem);
      } else if (ctx.action === 'create') throw fieldError('password', 'kata sandi wajib diisi');
      if (ctx.action === 'create' && data.role == null) throw fieldError('role', 'peran wajib diisi');
      await checkUnique(ctx, data, 'username');
      await checkUnique(ctx, data, 'email');
      const role = await roleTypeOf(ctx, data.role);
      await checkRegion(ctx, data, role);
      if (ctx.currentId === ctx.staff.userId) {
        if (role !== 'admin-kantor') throw conflict('Anda tidak dapat mencabut peran admin dari akun Anda sendiri', { field: 'role' });
        if (data.blocked === true) throw conflict('Anda tidak dapat memblokir akun Anda sendiri', { field: 'blocked' });
      }
      await assignOffice(data, ctx);
      if (ctx.action === 'create') Object.assign(data, { provider: 'local', confirmed: true, blocked: data.blocked ?? false });
      if (ctx.action === 'update' && (data.password !== undefined || data.blocked === true)) {
        // A new password or a block ends the account's sessions.
        const row = await ctx
          .trx(ctx.sql.tableOf(USER))
          .where('id', ctx.currentId!)
          .first(`${ctx.sql.columnOf(USER, 'tokenVersion')} as v`);
        data.tokenVersion = Number(row?.v ?? 0) + 1;
      }
      if (data.password !== undefined) Object.assign(data, { failedLogins: 0, lockedUntil: null });
      if (ctx.currentId !== undefined) await forgetStaff(ctx.currentId, ctx.trx);
    },
    async beforeDelete({ rowId, staff, trx }) {
      if (rowId === staff.userId) throw conflict('Anda tidak dapat menghapus akun Anda sendiri');
      await forgetStaff(rowId, trx);
    },
  },
};
