import { useEffect, useState } from 'react';
import { api } from '../common/api';
import { errorMessage } from '../common/errors';

/** GET /api/panel/stats/<name>?<params>, reloaded when the params change. */
export function useStats<T>(name: string, params: Record<string, string | undefined>, enabled = true): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][]).toString();
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    setError(null);
    api<T>(`/stats/${name}${query ? `?${query}` : ''}`)
      .then((d) => alive && setData(d))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [name, query, enabled]);
  return { data, error };
}
