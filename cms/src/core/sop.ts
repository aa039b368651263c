/**
 * The SOP's shape, defined once: what the engine walks (SopDefinition), what the printed SOP
 * shows around it (SopDocument), and the words both use. The seed files' format
 * (seed/seed-types.ts) and the documents' views (modules/documents/models.ts) are built from
 * these types. Pure: no database, no Strapi.
 */
import type { TimeUnit } from './calendar';

export type ActivitySymbol = 'start' | 'process' | 'decision' | 'end';

/**
 * What completing an activity produces or requires in the case engine.
 * Kept small: the engine maps each to a handler.
 */
export type ActivityEffect =
  | 'none'
  | 'requirements-check'
  | 'village-recap'
  | 'district-recap'
  | 'office-recap'
  | 'bpjs-send'
  | 'bpjs-result'
  | 'letter-draft'
  | 'letter-initial'
  | 'letter-sign'
  | 'handover'
  | 'assessment'
  | 'archive';

export interface SopExecutor {
  key: string;
  label: string;
  roles: string[];
  external?: boolean;
}

export interface SopActivity {
  number: number;
  text: string;
  executor: string;
  symbol: ActivitySymbol;
  timeAmount?: number | null;
  timeUnit?: TimeUnit | null;
  timeText?: string | null;
  output?: string | null;
  /** Mutu baku: kelengkapan, and the notes column (printed, not walked). */
  requirements?: string | null;
  notes?: string | null;
  next?: number | null;
  yesNext?: number | null;
  yesLabel?: string | null;
  noNext?: number | null;
  noLabel?: string | null;
  effect: ActivityEffect;
  letterKind?: string | null;
  /** Track keys this activity applies to; empty means every track. */
  tracks?: string[] | null;
  /** For letter-initial: the roles that initial, in order (default: any one executor role). */
  initialRoles?: string[] | null;
}

/** A route through the SOP chosen per case (Karangasem: emergency, regular, mutation, reactivation). */
export interface SopTrack {
  key: string;
  label: string;
  priority: 'regular' | 'emergency';
  /** How the case reaches BPJS at a bpjs-send activity: not at all, alone the same day, or in the monthly batch. */
  bpjsSend: 'none' | 'direct' | 'monthly';
  timeAmount?: number | null;
  timeUnit?: TimeUnit | null;
  timeText?: string | null;
}

/** What the engine keeps of an SOP: enough to walk it, nothing of its presentation. */
export interface SopDefinition {
  sopDocumentId: string;
  name: string;
  number?: string | null;
  revision?: string | null;
  executors: SopExecutor[];
  activities: SopActivity[];
  tracks: SopTrack[];
}

/** A duration as the SOP writes it: its amount and unit, and the words printed ("5 Menit"). */
export interface SopTime {
  amount: number;
  unit: TimeUnit;
  text: string;
}

/** An official as printed on a document (the SOP's approver, an office's head). */
export interface SopOfficial {
  name: string;
  rank?: string | null; // pangkat/golongan, e.g. "Pembina Utama Muda"
  nip?: string | null; // as printed, e.g. "19721221 199302 1 002"
  title?: string | null; // jabatan, e.g. "Kepala Dinas Sosial Kabupaten Magetan"
}

/** What the printed SOP shows besides its table: identification and the lists of its first page. */
export interface SopDocument {
  name: string;
  number?: string | null;
  revision?: string | null;
  madeOn?: string | null; // ISO dates
  revisedOn?: string | null;
  effectiveOn?: string | null;
  issuedOn?: string | null;
  approver?: SopOfficial | null;
  legalBasis: string[];
  qualifications: string[];
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string[];
}
