import type { TestServer } from '../helpers/strapi';

/** Strapi's router as the running server has it: route keys, and the declarations behind them. */

export interface RouteDefinition {
  method: string;
  path: string;
  config?: { auth?: false | { scope?: string[]; strategies?: unknown[] }; policies?: unknown[]; middlewares?: unknown[] };
  info?: { type?: string };
}

const normalize = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path);
const routeKey = (method: string, path: string) => `${method} ${normalize(path)}`;

/** "METHOD /path" of every route layer of Strapi's router (middleware layers have no method). */
export function liveKeys(server: TestServer): string[] {
  const keysFound = new Set<string>();
  for (const layer of server.strapi.server.listRoutes() as { methods: string[]; path: string }[]) {
    const methods = layer.methods.filter((m) => m !== 'HEAD');
    if (!methods.length) continue;
    keysFound.add(routeKey(methods.length > 1 ? 'ALL' : methods[0], layer.path));
  }
  return [...keysFound];
}

/** The declarations behind the routes (config: auth, policies, middlewares), where Strapi keeps them. */
export function routeDefinitions(server: TestServer): Map<string, RouteDefinition> {
  const out = new Map<string, RouteDefinition>();
  const add = (routers: unknown, base: string) => {
    for (const router of Object.values((routers ?? {}) as Record<string, { type?: string; prefix?: string; routes?: RouteDefinition[] }>)) {
      if (!router?.routes) continue;
      const api = router.type === 'content-api' ? '/api' : '';
      for (const r of router.routes) {
        const prefix = r.config && 'prefix' in r.config ? (r.config as { prefix: string }).prefix : (router.prefix ?? base);
        out.set(routeKey(r.method, `${api}${prefix}${r.path}`), r);
      }
    }
  };
  const s = server.strapi;
  add(s.admin.routes, '/admin');
  for (const [name, plugin] of Object.entries<any>(s.plugins)) {
    add(Array.isArray(plugin.routes) ? { admin: { type: 'admin', prefix: `/${name}`, routes: plugin.routes } } : plugin.routes, `/${name}`);
  }
  for (const api of Object.values<any>(s.apis)) add(api.routes, '');
  return out;
}

export const nameOf = (m: unknown): string => (typeof m === 'string' ? m : ((m as { name?: string })?.name ?? 'inline'));

/** What guards a CMS route: the key it needs and its permission policies' actions. */
export function guardOf(def: RouteDefinition): string {
  const auth = def.config?.auth;
  const strategies = auth && auth.strategies ? 'a transfer token' : def.info?.type === 'admin' ? 'an admin token' : 'an API token';
  const permissions = (def.config?.policies ?? [])
    .map((p) => p as { name?: string; config?: { actions?: unknown[] } })
    .filter((p) => p.name?.endsWith('hasPermissions'))
    .flatMap((p) => (p.config?.actions ?? []).map(String));
  return permissions.length ? `${strategies}, ${permissions.join(' + ')}` : strategies;
}
