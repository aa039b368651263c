import type { StaffRole } from '../../../core/roles';

/** Role groups the resource declarations share. */
export const ALL_STAFF: readonly StaffRole[] = ['operator-desa', 'operator-kecamatan', 'petugas', 'pekerja-sosial', 'jf', 'kabid', 'kepala-dinas', 'petugas-bpjs', 'admin-kantor'];
/** Everyone but the BPJS liaison, who sees only batches sent to BPJS and their lines. */
export const OFFICE_AND_REGION: readonly StaffRole[] = ALL_STAFF.filter((r) => r !== 'petugas-bpjs');
/** Staff working inside the office (not the village and district operators, not BPJS). */
export const OFFICE_STAFF: readonly StaffRole[] = ['petugas', 'pekerja-sosial', 'jf', 'kabid', 'kepala-dinas', 'admin-kantor'];
/** Those who draft and sign letters. */
export const LETTER_WRITERS: readonly StaffRole[] = ['petugas', 'jf', 'kabid', 'kepala-dinas'];
