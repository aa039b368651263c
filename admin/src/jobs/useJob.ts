import { useEffect, useState } from 'react';
import { api } from '../common/api';
import { isFinished, type Job } from './job';
import { errorMessage } from '../common/errors';

/** Polls GET /api/panel/jobs/:id until the job has finished. */
export function useJob(id: string | null | undefined, intervalMs = 1000): { job: Job | null; error: string | null } {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<Job>(`/jobs/${id}`);
        if (stopped) return;
        setJob(next);
        if (!isFinished(next)) timer = setTimeout(() => void poll(), intervalMs);
      } catch (e) {
        if (!stopped) setError(errorMessage(e));
      }
    };
    setJob(null);
    setError(null);
    void poll(); // poll catches its own failures
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, intervalMs]);
  return { job, error };
}
