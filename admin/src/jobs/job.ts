/** A background job of the staff API (imports, exports) as GET /api/panel/jobs/:id answers it. */
export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  dryRun: boolean;
  fileName: string | null;
  rowsTotal: number | null;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  problemCount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  hasReport: boolean;
  hasFile: boolean;
  /** When the job's files (export, report) were deleted, JOB_FILES_DAYS after it finished. */
  filesRemovedAt?: string | null;
}

export const FINISHED = ['succeeded', 'failed', 'cancelled'];
export const isFinished = (job: Pick<Job, 'status'>) => FINISHED.includes(job.status);

export interface ReportRow {
  row: number;
  field: string | null;
  problem: string;
}
