import { CMS_ROUTES } from './cms';
import { DISABLED_ROUTES, stockRoutes } from './disabled';
import { PUBLIC_ROUTES } from './public';
import { STAFF_ROUTES } from './staff';
import type { DeclaredRoute, Exposure, RouteKey } from './types';

export type { DeclaredRoute, Exposure, ExposureKind, RouteKey } from './types';
export { stockRoutes };

/** Every route the server answers, and the closed doors Strapi ships, each declared once. */
export const SURFACE: readonly DeclaredRoute[] = [...PUBLIC_ROUTES, ...STAFF_ROUTES, ...CMS_ROUTES, ...DISABLED_ROUTES];

const byKey = new Map<RouteKey, Exposure>(SURFACE.map((r) => [r.key, r.exposure]));

export const exposureOf = (key: RouteKey): Exposure | undefined => byKey.get(key);
