/**
 * What the templates print, as plain data. Loaders turn Strapi documents into these, and the
 * benchmark builds them directly, so templates never touch the database.
 */
import type { StandardTextLists } from '../../core/standard-lists';
export interface Official {
  name?: string | null;
  rank?: string | null;
  nip?: string | null;
  title?: string | null;
}

export interface OfficeView {
  code: string;
  name: string;
  government: string;
  unit?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  timeZone: string;
  letterheadLines: string[];
  /** The logo as a data: URL (read from the upload on the server; the page loads nothing). */
  logoDataUrl?: string | null;
  head?: Official | null;
}

export interface ActivityView {
  number: number;
  text: string;
  executor: string;
  symbol: 'start' | 'process' | 'decision' | 'end';
  requirements?: string | null;
  timeAmount?: number | string | null;
  timeUnit?: string | null;
  timeText?: string | null;
  output?: string | null;
  notes?: string | null;
  next?: number | null;
  yesNext?: number | null;
  yesLabel?: string | null;
  noNext?: number | null;
  noLabel?: string | null;
}

export interface ExecutorView {
  key: string;
  label: string;
}

export interface SopView {
  name: string;
  number?: string | null;
  revision?: string | null;
  madeOn?: string | null;
  revisedOn?: string | null;
  effectiveOn?: string | null;
  issuedOn?: string | null;
  approver?: Official | null;
  legalBasis: string[];
  qualifications: string[];
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string[];
  executors: ExecutorView[];
  activities: ActivityView[];
  totalTimeText?: string | null;
}

export interface StandardView extends StandardTextLists {
  slug: string;
  title: string;
  serviceName?: string | null;
  documentNumber?: string | null;
  revision?: string | null;
  issueDate?: string | null;
  effectiveDate?: string | null;
  approver?: Official | null;
  signingPlace?: string | null;
  signingDate?: string | null;
  requirements: string[];
  completionTimeText?: string | null;
  completionTimeNote?: string | null;
  fee?: string | null;
  responsiblePerson?: { name?: string | null; nip?: string | null; phone?: string | null } | null;
  sop?: SopView | null;
}
