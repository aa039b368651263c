import { SURFACE, exposureOf, stockRoutes, type ExposureKind } from '../../cms/src/modules/security/surface';
import { startServer, type TestServer } from '../helpers/strapi';
import { apiToken, bodyOf, cmsLogin, forgedStaffToken, staffLogin, usersPermissionsToken } from './keys';
import { guardOf, liveKeys, nameOf, routeDefinitions, type RouteDefinition } from './router';

/**
 * The attack-surface inventory: every route the running server answers, read from Strapi's own
 * router, is declared in cms/src/modules/security/surface (disabled, public, staff or cms) — a route
 * nobody declared fails here — and each group is probed over HTTP with the keys an outsider, a
 * staff member or an office admin may hold.
 */

let server: TestServer;
const keys: Record<string, string> = {};
const ids: Record<string, string> = {};
let officeAdminAbility: { can(action: string, subject?: string): boolean };

beforeAll(async () => {
  server = await startServer();
  keys.staff = await staffLogin(server, 'magetan.admin');
  keys.usersPermissions = await usersPermissionsToken(server, 'magetan.admin');
  keys.forged = await forgedStaffToken(server, 'magetan.admin');
  keys.cmsSuperAdmin = (await cmsLogin(server, 'admin@demo.layanan-pbi.id')).token;
  keys.cmsOfficeAdmin = (await cmsLogin(server, 'magetan.admin@demo.layanan-pbi.id')).token;
  keys.apiToken = await apiToken(server);
  const db = server.strapi.db;
  ids.case = (await db.query('api::case.case').findOne({ where: { officeCode: 'magetan' } })).documentId;
  ids.applicant = (await db.query('api::applicant.applicant').findOne({ where: { officeCode: 'magetan' } })).documentId;
  ids.slug = (await db.query('api::service-standard.service-standard').findOne({ where: { officeCode: 'magetan', publishedAt: { $notNull: true } } })).slug;
  ids.staffUser = String((await db.query('plugin::users-permissions.user').findOne({ where: { username: 'magetan.admin' } })).id);
  const officeAdmin = await db.query('admin::user').findOne({ where: { email: 'magetan.admin@demo.layanan-pbi.id' }, populate: { roles: true } });
  officeAdminAbility = await server.strapi.service('admin::permission').engine.generateUserAbility(officeAdmin);
  for (const key of liveKeys(server)) {
    const exposure = exposureOf(key);
    if (exposure) inventory[exposure.kind].push(key);
  }
});
afterAll(async () => {
  report();
  await server?.stop();
});

test('every route the server answers is declared, and each declaration matches the route it names', () => {
  const live = liveKeys(server);
  const definitions = routeDefinitions(server);
  expect(live.length).toBeGreaterThan(250);
  const undeclared = live.filter((k) => !exposureOf(k));
  expect(undeclared).toEqual([]);
  // Declarations of routes that no longer exist keep the inventory honest only if removed.
  const stale = SURFACE.filter((r) => r.exposure.kind !== 'disabled' && !live.includes(r.key)).map((r) => r.key);
  expect(stale).toEqual([]);

  const wrong: string[] = [];
  for (const key of live) {
    const kind = exposureOf(key)!.kind;
    const def = definitions.get(key);
    if (kind === 'staff') {
      const names = (def?.config?.middlewares ?? []).map(nameOf);
      if (def?.config?.auth !== false || !names.includes('global::staff-context')) wrong.push(`${key}: declared staff but staff-context does not guard it`);
    } else if (kind === 'cms') {
      if (!def || def.config?.auth === false) wrong.push(`${key}: declared cms but opens without an admin or API token`);
      else cmsGuards.set(key, guardOf(def));
    } else if (kind === 'disabled' && def?.config?.auth === false) {
      wrong.push(`${key}: declared disabled but open to anyone`);
    } else if (kind === 'public' && def && def.config?.auth !== false) {
      wrong.push(`${key}: declared public but needs a login`);
    }
  }
  expect(wrong).toEqual([]);
});

// ---- probes over HTTP ----

const inventory: Record<ExposureKind, string[]> = { disabled: [], public: [], staff: [], cms: [] };
const cmsGuards = new Map<string, string>();
/** CMS routes that answered a probe with a server error (Strapi's own; listed in the report). */
const serverErrors: string[] = [];
/** Writes an office admin's CMS role allows: not tried, they would change the CMS. */
const notTried: string[] = [];
/** group → key label → status → count */
const tally: Record<string, Record<string, Record<number, number>>> = {};

function count(group: string, label: string, status: number) {
  const byLabel = (tally[group] ??= {});
  const byStatus = (byLabel[label] ??= {});
  byStatus[status] = (byStatus[status] ?? 0) + 1;
}

function fill(path: string, values: Record<string, string>): string {
  return path
    .replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x'))
    .replace('((?!uploads/).+)', 'robots.txt')
    .replace('(.*)', 'github');
}

async function probe(group: string, label: string, key: string, values: Record<string, string> | null, token?: string) {
  const [method, path] = key.split(' ');
  // (values null: the path is already concrete.)
  const res = await server.http(values ? fill(path, values) : path, { method: method === 'ALL' ? 'GET' : method, token, json: ['POST', 'PUT'].includes(method) ? {} : undefined });
  const body = await bodyOf(res);
  count(group, label, res.status);
  return { key, label, status: res.status, body };
}

/** Runs the probes a few at a time (the server is shared with other suites' workers). */
async function all<T>(jobs: (() => Promise<T>)[], width = 6): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < jobs.length; i += width) out.push(...(await Promise.all(jobs.slice(i, i + width).map((j) => j()))));
  return out;
}

const hasData = (body: any) => !!body && typeof body === 'object' && (body.data != null || body.results != null || body.jwt != null);
const refused = (status: number) => [401, 403, 404, 405].includes(status);

test('every disabled door, and the stock REST routes of every content type, refuse every key and give no data', async () => {
  const stock = Object.values<any>(server.strapi.contentTypes)
    .filter((ct) => ct.uid.startsWith('api::'))
    .flatMap((ct) => stockRoutes(ct.info.pluralName).map((key) => ({ key, id: '' as string, uid: ct.uid as string })));
  for (const s of stock) {
    const row = await server.strapi.db.query(s.uid).findOne({ select: ['documentId'] });
    s.id = row?.documentId ?? 'x';
  }
  const declared = SURFACE.filter((r) => r.exposure.kind === 'disabled').map((r) => ({ key: r.key, id: ids.staffUser }));
  const targets = [...declared, ...stock];
  expect(stock.length).toBeGreaterThanOrEqual(5 * 12);
  const withKeys: [string, string | undefined][] = [
    ['no token', undefined],
    ['staff token', keys.staff],
    ['users-permissions token', keys.usersPermissions],
    ['full-access API token', keys.apiToken],
  ];
  const results = await all(
    targets.flatMap((t) =>
      withKeys.map(
        ([label, token]) =>
          () =>
            probe('disabled', label, t.key, { id: t.id, role: '1', sessionId: 'x', uid: 'api::applicant.applicant', provider: 'github' }, token),
      ),
    ),
  );
  const open = results.filter((r) => !refused(r.status) || hasData(r.body)).map((r) => `${r.key} (${r.label}): ${r.status}`);
  expect(open).toEqual([]);
  inventory.disabled = [...inventory.disabled, ...targets.map((t) => t.key)];
  // Users-permissions' roles grant nothing (its default grants are removed at every start).
  expect(await server.strapi.db.query('plugin::users-permissions.permission').count()).toBe(0);
});

test('every staff route refuses a missing, a users-permissions, a forged and a CMS token with 401', async () => {
  const routes = inventory.staff;
  expect(routes.length).toBeGreaterThan(90);
  const values = { id: ids.case, documentId: ids.case, slug: ids.slug, action: 'note', fileId: '1' };
  const withKeys: [string, string | undefined][] = [
    ['no token', undefined],
    ['users-permissions token', keys.usersPermissions],
    ['forged staff token', keys.forged],
    ['CMS admin token', keys.cmsSuperAdmin],
  ];
  const results = await all(
    routes.flatMap((key) =>
      withKeys.map(
        ([label, token]) =>
          () =>
            probe('staff', label, key, values, token),
      ),
    ),
  );
  const wrong = results.filter((r) => r.status !== 401 || hasData(r.body)).map((r) => `${r.key} (${r.label}): ${r.status}`);
  expect(wrong).toEqual([]);
  // The real key opens them (here: the office admin's own profile).
  expect((await server.http('/api/panel/me', { token: keys.staff })).status).toBe(200);
});

/** Path values of the CMS probes: applicants, which no office admin may read. */
const cmsValues = () => ({
  model: 'api::applicant.applicant',
  uid: 'api::applicant.applicant',
  contentType: 'api::applicant.applicant',
  id: '1',
  documentId: ids.applicant,
  sourceId: ids.applicant,
  targetField: 'village',
  name: 'x',
  sessionId: 'x',
  role: '1',
});

/** What the office admin's CMS role lets it through, by the route's permission policies. */
function officeAdminMay(key: string, def: RouteDefinition | undefined): boolean {
  // An admin token opens neither a transfer-token route nor an API-token one.
  if (def?.info?.type !== 'admin' || (def.config?.auth && (def.config.auth as { strategies?: unknown[] }).strategies)) return false;
  const policies = (def?.config?.policies ?? []).map((p) => p as { name?: string; config?: { actions?: string[]; hasAtLeastOne?: boolean } });
  return policies.every((p) => {
    if (p.name === 'admin::hasPermissions') return (p.config?.actions ?? []).every((a) => officeAdminAbility.can(a));
    if (p.name === 'plugin::content-manager.hasPermissions') {
      const model = key.includes(':model') ? cmsValues().model : undefined;
      const can = (a: string) => officeAdminAbility.can(a, model);
      return p.config?.hasAtLeastOne ? (p.config.actions ?? []).some(can) : (p.config?.actions ?? []).every(can);
    }
    return true;
  });
}

test('every CMS route refuses the outsider and staff keys; an office admin gets only what its CMS role allows', async () => {
  const routes = inventory.cms;
  expect(routes.length).toBeGreaterThan(150);
  const definitions = routeDefinitions(server);
  const withKeys: [string, string | undefined][] = [
    ['no token', undefined],
    ['staff token', keys.staff],
    ['users-permissions token', keys.usersPermissions],
    ['forged staff token', keys.forged],
  ];
  const outsider = await all(
    routes.flatMap((key) =>
      withKeys.map(
        ([label, token]) =>
          () =>
            probe('cms', label, key, cmsValues(), token),
      ),
    ),
  );
  expect(outsider.filter((r) => ![401, 403].includes(r.status) || hasData(r.body)).map((r) => `${r.key} (${r.label}): ${r.status}`)).toEqual([]);

  const wrong: string[] = [];
  const jobs: (() => Promise<void>)[] = [];
  for (const key of routes) {
    const may = officeAdminMay(key, definitions.get(key));
    // Writes the role allows are not tried (they would change the CMS); everything else is.
    if (may && !key.startsWith('GET ')) {
      notTried.push(key);
      continue;
    }
    jobs.push(async () => {
      const r = await probe('cms', may ? 'office admin: allowed' : 'office admin: refused by RBAC', key, cmsValues(), keys.cmsOfficeAdmin);
      if (!may && (![401, 403].includes(r.status) || hasData(r.body))) wrong.push(`${key}: ${r.status}, expected a refusal`);
      // The key works (not 401); what a route does with the probe's made-up input is its own affair.
      if (may && r.status === 401) wrong.push(`${key}: ${r.status}`);
      if (r.status >= 500) serverErrors.push(`${key} (office admin): ${r.status}`);
    });
  }
  await all(jobs);
  expect(wrong).toEqual([]);
  // Not even Strapi's own routes answer 5xx (the licence countdown and relation lists did).
  expect(serverErrors).toEqual([]);
});

test('through the content-manager, an office admin reads only its CMS content types, never applicants, cases or accounts', async () => {
  const models = [...Object.keys(server.strapi.contentTypes).filter((uid) => uid.startsWith('api::')), 'plugin::users-permissions.user', 'plugin::upload.file', 'admin::user'];
  const wrong: string[] = [];
  const readable: string[] = [];
  await all(
    models.map((uid) => async () => {
      const may = officeAdminAbility.can('plugin::content-manager.explorer.read', uid);
      const r = await probe('cms', 'office admin: content-manager list per type', `GET /content-manager/collection-types/${uid}`, null, keys.cmsOfficeAdmin);
      if (may) readable.push(uid);
      if (may ? r.status !== 200 : r.status !== 403 || hasData(r.body)) wrong.push(`${uid}: ${r.status}`);
      const relation = Object.entries<any>(server.strapi.getModel(uid).attributes).find(([, a]) => a.type === 'relation')?.[0];
      if (!may && relation) {
        // Strapi answered a refused relation list with 500 (its ctx.forbidden() is destructured): a 403 now.
        const rel = await probe('cms', 'office admin: content-manager relations per type', `GET /content-manager/relations/${uid}/${relation}`, null, keys.cmsOfficeAdmin);
        if (rel.status !== 403 || hasData(rel.body)) wrong.push(`${uid} relations: ${rel.status}`);
      }
    }),
  );
  expect(wrong).toEqual([]);
  expect(readable.sort()).toEqual(['api::letter-template.letter-template', 'api::office.office', 'api::region.region', 'api::service-standard.service-standard', 'api::sop.sop']);
});

test('every public route answers without a login and never with a server error', async () => {
  expect(inventory.public.length).toBeGreaterThan(20);
  const results = await all(inventory.public.map((key) => () => probe('public', 'no token', key, { slug: ids.slug })));
  expect(results.filter((r) => r.status >= 500).map((r) => `${r.key}: ${r.status}`)).toEqual([]);
});

function report() {
  const lines = ['', 'Attack surface (tests/security/surface.test.ts):'];
  for (const kind of ['disabled', 'public', 'staff', 'cms'] as ExposureKind[]) lines.push(`  ${kind}: ${inventory[kind].length} routes`);
  for (const [group, labels] of Object.entries(tally)) {
    const probes = Object.values(labels).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0);
    lines.push(`  probes ${group}: ${probes}`);
    for (const [label, statuses] of Object.entries(labels))
      lines.push(
        `    ${label}: ${Object.entries(statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}`,
      );
  }
  const guards = new Map<string, number>();
  for (const g of cmsGuards.values()) guards.set(g, (guards.get(g) ?? 0) + 1);
  lines.push('  cms guards (from the routes):', ...[...guards].map(([g, n]) => `    ${n} × ${g}`));
  lines.push(`  cms writes the office admin's role allows, not tried: ${notTried.length}`);
  lines.push(`  cms routes answering an office admin with 5xx: ${serverErrors.length ? serverErrors.join(', ') : 'none'}`);
  console.log(lines.join('\n'));
}
