/**
 * Shapes of the seed files in database/seed/ and config/offices/.
 * The files are JSON so that clerks and translators can read and correct them
 * without touching code; these types are what the loader checks them against.
 */
import type { StandardTextLists } from '../core/standard-lists';
import type { StaffRole } from '../core/roles';
import type { ActivityEffect, ActivitySymbol } from '../core/sop-walker';

// Defined by the pure core (which must not depend on the seed folder); re-exported for the seed files.
export type { StaffRole, ActivityEffect, ActivitySymbol };

export type TimeUnit = 'minutes' | 'hours' | 'days' | 'workdays' | 'months';

export interface Official {
  name: string;
  rank?: string; // pangkat/golongan, e.g. "Pembina Utama Muda"
  nip?: string; // as printed, e.g. "19721221 199302 1 002"
  title?: string; // jabatan, e.g. "Kepala Dinas Sosial Kabupaten Magetan"
}

/** config/offices/<code>.json: what an office sets. */
export interface OfficeSeed {
  code: string; // "magetan"
  name: string; // "Dinas Sosial Kabupaten Magetan"
  government: string; // "Pemerintah Kabupaten Magetan"
  unit?: string; // the division handling PBI
  regencyCode: string; // Kemendagri code of the regency, "35.20"
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  socialAccounts?: { label: string; url: string }[];
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  letterheadLines: string[];
  head: Official;
  complaintChannels: { kind: string; label: string; value?: string }[];
  calendar: {
    /** Villages enter proposals by this day of the month (Magetan: 15). */
    inputCutoffDay?: number;
    /** BPJS accepts mutations on this day of the month (Banjarbaru: 25). */
    bpjsMutationDay?: number;
    /** Membership becomes active on the 1st of the month after submission. */
    activeOnFirstOfNextMonth: boolean;
    /** ISO weekdays (1 = Monday) that are working days. */
    workingWeekdays: number[];
    holidays: { date: string; name: string }[];
  };
  /** Service-level targets in hours for complaints and similar office-wide work. */
  sla: { complaintReplyHours: number; dueSoonPercent: number };
}

export interface RequirementSeed {
  key: string; // stable id for the case checklist, e.g. "ktp"
  text: string; // as written in the document
  required: boolean;
  /** True when the checklist item is satisfied by an uploaded document. */
  upload?: boolean;
}

/** database/seed/documents/<slug>.json: one service with its standard and SOP. */
export interface DocumentSeed {
  office: string; // office code
  source: string; // the seed file it was transcribed from, e.g. "000_900ebbe5c926d675.txt"
  standard: StandardSeed;
  sop: SopSeed;
}

export interface StandardSeed extends StandardTextLists {
  slug: string; // "magetan-pengusulan-pbi-d"
  title: string; // "Pengusulan PBI-D"
  serviceName?: string; // "Jenis Pelayanan" line as written
  documentNumber?: string;
  revision?: string;
  issueDate?: string; // ISO date
  effectiveDate?: string; // ISO date
  approver?: Official;
  signingPlace?: string;
  signingDate?: string; // ISO date
  /** Parts not in the source document but derived from it (e.g. from the SOP); listed by field name. */
  derivedFields?: string[];
  // Service delivery components
  // The list components (procedure, products, complaints, legal basis, management): StandardTextLists
  requirements: RequirementSeed[];
  completionTimeText: string; // "15 (lima belas) hari"
  completionTime: { amount: number; unit: TimeUnit };
  completionTimeNote?: string; // e.g. Banjarbaru's "Deskripsi Jangka Waktu Layanan"
  fee: string;
  responsiblePerson?: { name: string; nip?: string; phone?: string };
}

export interface ExecutorSeed {
  key: string; // "operator-desa"
  label: string; // column header as written: "Operator Desa"
  /** Roles that may act for this column; for the applicant or another agency, who acts on their behalf. */
  roles: StaffRole[];
  external?: boolean; // true for Pemohon, Dinas Kesehatan, BPJS when not a user of the system
}

export interface ActivitySeed {
  number: number;
  text: string; // "Uraian kegiatan" as written
  executor: string; // executor key
  symbol: ActivitySymbol;
  requirements?: string; // mutu baku: kelengkapan
  time?: { amount: number; unit: TimeUnit; text: string }; // text as written: "5 Menit"
  output?: string; // mutu baku: output
  notes?: string; // keterangan
  next?: number; // following activity for start/process
  yes?: { next: number; label?: string }; // decision exits
  no?: { next: number; label?: string };
  effect?: ActivityEffect;
  /** Kind of letter produced or signed, when the effect concerns a letter. */
  letterKind?: string;
  /** Track keys this activity applies to (omitted: every track). */
  tracks?: string[];
  /** For letter-initial: roles that initial, in order (Karangasem: JF, then Kabid). */
  initialRoles?: StaffRole[];
}

/** A route through the SOP chosen per case (see core/sop-walker.ts SopTrack). */
export interface TrackSeed {
  key: string;
  label: string;
  priority: 'regular' | 'emergency';
  bpjsSend: 'none' | 'direct' | 'monthly';
  time?: { amount: number; unit: TimeUnit; text: string };
}

export interface SopSeed {
  name: string;
  number?: string;
  madeOn?: string; // ISO dates
  revisedOn?: string;
  effectiveOn?: string;
  issuedOn?: string;
  revision?: string;
  approver?: Official;
  legalBasis: string[];
  qualifications: string[];
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string[];
  executors: ExecutorSeed[];
  activities: ActivitySeed[];
  /** Tracks of a service routed per case; omitted when every case walks the same way. */
  tracks?: TrackSeed[];
  totalTime?: { amount: number; unit: TimeUnit; text: string };
  derivedFields?: string[];
  /** Free text kept from the document that has no field (e.g. Banjarbaru's identification sheets). */
  annex?: string;
}
