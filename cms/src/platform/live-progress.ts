/**
 * The progress of the jobs running in this server, as they run. On PostgreSQL it is also
 * written to the job's row every half second; on SQLite it can't be while a Form 35 import's
 * transaction holds the write lock (platform/sqlite-writers.ts), so the jobs resource shows it
 * from here.
 */
export interface LiveProgress {
  rowsTotal?: number;
  rowsRead?: number;
  rowsValid?: number;
  rowsWritten?: number;
  problemCount?: number;
}

export const PROGRESS_FIELDS = ['rowsTotal', 'rowsRead', 'rowsValid', 'rowsWritten', 'problemCount'] as const;

const running = new Map<string, LiveProgress>();

export const liveProgress = {
  set: (documentId: string, p: LiveProgress) => void running.set(documentId, p),
  get: (documentId: string): LiveProgress | undefined => running.get(documentId),
  end: (documentId: string) => void running.delete(documentId),
};
