import { useEffect, useState } from 'react';
import { api } from './api';

export interface Me {
  id: number;
  username: string;
  role: { type: string; name: string; scope: 'village' | 'district' | 'office' | 'bpjs' };
  access: Record<string, string[]>;
  [key: string]: unknown;
}

let pending: Promise<Me> | null = null;
let token: string | null = null;

/** The signed-in staff member (GET /api/panel/me), fetched once per session token. */
export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    const current = localStorage.getItem('layanan-pbi.jwt');
    if (!pending || token !== current) {
      token = current;
      pending = api<Me>('/me');
      pending.catch(() => (pending = null));
    }
    let alive = true;
    pending.then((m) => alive && setMe(m)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return me;
}
