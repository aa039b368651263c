import type { Core } from '@strapi/strapi';

/**
 * The staff API's session tokens: users-permissions JWTs (same secret, JWT_SECRET) that carry
 * an audience of their own. Only POST /api/panel/login issues them; staff-context accepts no
 * token without it, so a JWT minted anywhere else by users-permissions (its own login, register
 * or any future door of the plugin) opens nothing on the staff API.
 */
export const STAFF_AUDIENCE = 'layanan-pbi:staff-api';

export interface StaffTokenPayload {
  id: number;
  /** The account's token version when the token was issued (sessions.ts). */
  tv: number;
  exp?: number;
}

function jwtService(strapi: Core.Strapi) {
  return strapi.plugin('users-permissions').service('jwt') as {
    issue(payload: object, options?: { audience?: string }): string;
    verify(token: string): Promise<Record<string, unknown>>;
  };
}

export function issueStaffToken(strapi: Core.Strapi, user: { id: number; tokenVersion?: number | null }): string {
  return jwtService(strapi).issue({ id: user.id, tv: user.tokenVersion ?? 0 }, { audience: STAFF_AUDIENCE });
}

/** The payload of a valid staff token, or null (bad signature, expired, or not issued by the staff login). */
export async function verifyStaffToken(strapi: Core.Strapi, token: string): Promise<StaffTokenPayload | null> {
  let payload: Record<string, unknown>;
  try {
    payload = await jwtService(strapi).verify(token);
  } catch {
    return null;
  }
  if (payload.aud !== STAFF_AUDIENCE || typeof payload.id !== 'number') return null;
  return { id: payload.id, tv: typeof payload.tv === 'number' ? payload.tv : 0, exp: typeof payload.exp === 'number' ? payload.exp : undefined };
}
