/** Role types of users-permissions roles (see seed/roles.ts). */
export type StaffRole = 'operator-desa' | 'operator-kecamatan' | 'petugas' | 'pekerja-sosial' | 'jf' | 'kabid' | 'kepala-dinas' | 'petugas-bpjs' | 'admin-kantor';

export interface RoleDefinition {
  type: StaffRole;
  name: string; // Indonesian, shown in the panel
  nameEn: string;
  description: string;
  /** How far the role sees within its office. */
  scope: 'village' | 'district' | 'office' | 'bpjs';
  /** Whether NIK, KK and phone numbers are shown unmasked in lists. */
  seesFullIdentity: boolean;
}

/** The staff roles of an office. The public role of users-permissions stays without rights. */
export const ROLES: readonly RoleDefinition[] = [
  {
    type: 'operator-desa',
    name: 'Operator Desa/Kelurahan',
    nameEn: 'Village operator',
    description: 'Menerima berkas dan menginput usulan warga desa/kelurahannya (Form 35, BA).',
    scope: 'village',
    seesFullIdentity: true,
  },
  {
    type: 'operator-kecamatan',
    name: 'Operator Kecamatan',
    nameEn: 'District operator',
    description: 'Merekap usulan desa/kelurahan di kecamatannya dan mengirimkannya ke Dinas Sosial.',
    scope: 'district',
    seesFullIdentity: false,
  },
  {
    type: 'petugas',
    name: 'Petugas Linjamsos',
    nameEn: 'Case worker',
    description: 'Petugas Bidang Perlindungan dan Jaminan Sosial: memeriksa berkas, merekap, membuat surat.',
    scope: 'office',
    seesFullIdentity: true,
  },
  { type: 'pekerja-sosial', name: 'Pekerja Sosial', nameEn: 'Social worker', description: 'Melakukan asesmen kelayakan di lapangan.', scope: 'office', seesFullIdentity: true },
  { type: 'jf', name: 'Jabatan Fungsional', nameEn: 'Functional official', description: 'Memeriksa dan memaraf surat sebelum Kabid.', scope: 'office', seesFullIdentity: false },
  { type: 'kabid', name: 'Kepala Bidang', nameEn: 'Head of division', description: 'Memaraf atau menandatangani surat; memutuskan kelayakan bersama tim.', scope: 'office', seesFullIdentity: false },
  { type: 'kepala-dinas', name: 'Kepala Dinas', nameEn: 'Head of office', description: 'Menandatangani surat dan keputusan.', scope: 'office', seesFullIdentity: false },
  {
    type: 'petugas-bpjs',
    name: 'Petugas BPJS Kesehatan',
    nameEn: 'BPJS liaison',
    description: 'Menerima rekap usulan yang dikirim ke BPJS dan mencatat hasil cleansing.',
    scope: 'bpjs',
    seesFullIdentity: true,
  },
  { type: 'admin-kantor', name: 'Admin Kantor', nameEn: 'Office admin', description: 'Mengelola pengguna dan pengaturan kantornya sendiri.', scope: 'office', seesFullIdentity: false },
];

export const ROLE_TYPES = ROLES.map((r) => r.type);

export function roleDefinition(type: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.type === type);
}
