import bcrypt from 'bcryptjs';
import type { Core } from '@strapi/strapi';
import type { StaffRole } from '../core/roles';

const USER_UID = 'plugin::users-permissions.user';

/** The password of every demo account; printed by `npm start` and in the README. */
export const DEMO_PASSWORD = 'Demo-PBI-2026!';

/** Two districts per office: the operators of the first see their own, those of the second are "out of scope". */
export const DEMO_DISTRICTS: Record<string, [string, string]> = {
  magetan: ['35.20.06', '35.20.11'],
  tarakan: ['65.71.01', '65.71.02'],
  banjarbaru: ['63.72.04', '63.72.05'],
  karangasem: ['51.07.04', '51.07.01'],
};

export interface DemoUser {
  username: string;
  role: StaffRole;
  fullName: string;
  office: string;
  regionCode?: string;
}

/** Demo accounts of one office: every role, two village operators in district A, one in district B. */
export function demoUsersOf(office: string, villagesOf: (district: string) => string[]): DemoUser[] {
  const [a, b] = DEMO_DISTRICTS[office];
  const [v1, v2] = villagesOf(a);
  const [v3] = villagesOf(b);
  const u = (suffix: string, role: StaffRole, fullName: string, regionCode?: string): DemoUser => ({ username: `${office}.${suffix}`, role, fullName, office, regionCode });
  return [
    u('admin', 'admin-kantor', 'Admin Kantor (demo)'),
    u('petugas', 'petugas', 'Petugas Linjamsos (demo)'),
    u('peksos', 'pekerja-sosial', 'Pekerja Sosial (demo)'),
    u('jf', 'jf', 'Jabatan Fungsional (demo)'),
    u('kabid', 'kabid', 'Kepala Bidang (demo)'),
    u('kadis', 'kepala-dinas', 'Kepala Dinas (demo)'),
    u('bpjs', 'petugas-bpjs', 'Petugas BPJS Kesehatan (demo)'),
    u('kecamatan', 'operator-kecamatan', 'Operator Kecamatan (demo)', a),
    u('kecamatan2', 'operator-kecamatan', 'Operator Kecamatan 2 (demo)', b),
    u('desa1', 'operator-desa', 'Operator Desa 1 (demo)', v1),
    u('desa2', 'operator-desa', 'Operator Desa 2 (demo)', v2),
    u('desa3', 'operator-desa', 'Operator Desa 3 (demo)', v3),
  ];
}

/** Creates the demo accounts that don't exist yet (one bcrypt hash for all: seeding stays fast). */
export async function seedDemoUsers(
  strapi: Core.Strapi,
  users: DemoUser[],
  roleIds: Record<string, number>,
  offices: Map<string, { id: number }>,
  regionIds: Map<string, number>,
): Promise<Map<string, number>> {
  const existing = await strapi.db.query(USER_UID).findMany({ select: ['id', 'username'], where: { username: { $in: users.map((x) => x.username) } } });
  const ids = new Map<string, number>(existing.map((r: any) => [r.username, r.id]));
  const missing = users.filter((x) => !ids.has(x.username));
  if (!missing.length) return ids;
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const x of missing) {
    const created = await strapi.db.query(USER_UID).create({
      data: {
        username: x.username,
        email: `${x.username}@demo.layanan-pbi.id`,
        provider: 'local',
        password: hash,
        confirmed: true,
        blocked: false,
        role: roleIds[x.role],
        fullName: x.fullName,
        office: offices.get(x.office)!.id,
        officeCode: x.office,
        region: x.regionCode ? regionIds.get(x.regionCode) : null,
        regionCode: x.regionCode ?? null,
      },
    });
    ids.set(x.username, created.id);
  }
  return ids;
}
