import { usePermissions } from 'react-admin';
import type { Me } from '../authProvider';

export type { Me };

/** The signed-in staff member (GET /api/panel/me, fetched once by the authProvider as its permissions). */
export function useMe(): Me | null {
  const { permissions } = usePermissions<Me>();
  return permissions ?? null;
}
