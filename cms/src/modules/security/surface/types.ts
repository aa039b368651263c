/**
 * How a route the server answers may be reached. Every route is declared once, with what guards
 * it; tests/security/surface.test.ts reads the running server's router and fails on a route
 * nobody declared, then probes each group over HTTP.
 */
export type Exposure =
  /** Removed or refused: answers 404/405 (or 401/403) and gives no data, whatever the token. */
  | { kind: 'disabled'; why: string }
  /** Open without a login, and why that is right. */
  | { kind: 'public'; why: string }
  /** The staff API: a staff token (modules/security/staff-token.ts) and the scope rule named here. */
  | { kind: 'staff'; guard: string }
  /** The CMS (Strapi admin API): an admin token and the RBAC permission named here. */
  | { kind: 'cms'; guard: string };

export type ExposureKind = Exposure['kind'];

/** "METHOD /path" as the router has it (ALL for a route of every method); HEAD goes with GET. */
export type RouteKey = string;

export interface DeclaredRoute {
  key: RouteKey;
  exposure: Exposure;
}

export const declare = (exposure: Exposure, keys: readonly RouteKey[]): DeclaredRoute[] => keys.map((key) => ({ key, exposure }));
