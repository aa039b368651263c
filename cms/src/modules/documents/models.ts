/**
 * What the templates print, as plain data. Loaders turn Strapi documents into these, and the
 * benchmark builds them directly, so templates never touch the database.
 */
import type { SopActivity, SopDocument, SopExecutor } from '../../core/sop';
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

/** An SOP row as printed: core's SopActivity without what only the engine needs (the database may give its time amount as text). */
export interface ActivityView extends Omit<SopActivity, 'effect' | 'timeAmount' | 'timeUnit' | 'letterKind' | 'tracks' | 'initialRoles'> {
  timeAmount?: number | string | null;
  timeUnit?: string | null;
}

export type ExecutorView = Pick<SopExecutor, 'key' | 'label'>;

/** The SOP as printed: core's SopDocument with its columns and rows. */
export interface SopView extends SopDocument {
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
