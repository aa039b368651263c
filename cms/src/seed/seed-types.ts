/**
 * Shapes of the seed files in database/seed/ and config/offices/.
 * The files are JSON so that clerks and translators can read and correct them
 * without touching code; these types are what the loader checks them against.
 */
import type { StandardTextLists } from '../core/standard-lists';
import type { StaffRole } from '../core/roles';
import type { TimeUnit } from '../core/calendar';
import type { ActivityEffect, ActivitySymbol, SopActivity, SopDocument, SopExecutor, SopOfficial, SopTime, SopTrack } from '../core/sop';

// Defined by the pure core (which must not depend on the seed folder); re-exported for the seed files.
export type { StaffRole, ActivityEffect, ActivitySymbol, TimeUnit };

/** An official as the seed files write one (the office's head, an approver). */
export type Official = SopOfficial;

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

/** An SOP column as the seed file writes it (core's SopExecutor, with roles the seed loader checks). */
export interface ExecutorSeed extends Omit<SopExecutor, 'roles'> {
  /** Roles that may act for this column; for the applicant or another agency, who acts on their behalf. */
  roles: StaffRole[];
}

/** The fields an activity keeps as written; its time and exits are nested in the file and flattened when stored. */
type ActivityAsWritten = Pick<SopActivity, 'number' | 'text' | 'executor' | 'symbol'> & {
  [K in 'requirements' | 'output' | 'notes' | 'letterKind' | 'tracks']?: NonNullable<SopActivity[K]>;
};

/** An SOP row as the seed file writes it (see core/sop.ts SopActivity for the stored, flat shape). */
export interface ActivitySeed extends ActivityAsWritten {
  time?: SopTime; // text as written: "5 Menit"
  next?: number; // following activity for start/process
  yes?: { next: number; label?: string }; // decision exits
  no?: { next: number; label?: string };
  effect?: ActivityEffect;
  /** For letter-initial: roles that initial, in order (Karangasem: JF, then Kabid). */
  initialRoles?: StaffRole[];
}

/** A route through the SOP chosen per case (core/sop.ts SopTrack, its time nested as written). */
export interface TrackSeed extends Pick<SopTrack, 'key' | 'label' | 'priority' | 'bpjsSend'> {
  time?: SopTime;
}

/** An SOP as the seed file writes it: core's SopDocument with its table and the fields only the file has. */
export interface SopSeed extends SopDocument {
  executors: ExecutorSeed[];
  activities: ActivitySeed[];
  /** Tracks of a service routed per case; omitted when every case walks the same way. */
  tracks?: TrackSeed[];
  totalTime?: SopTime;
  derivedFields?: string[];
  /** Free text kept from the document that has no field (e.g. Banjarbaru's identification sheets). */
  annex?: string;
}
