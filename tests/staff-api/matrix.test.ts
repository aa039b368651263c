import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeBatch, makeCase, makeCaseEvent, makeComplaint, makeLetter, makeSurvey, makeUser, publishedStandard, PLACES, type Place, type PlaceKey } from './fixtures';
import { call, listQuery, logins } from './support';

/**
 * The access matrix: every role × resource × action × place (in scope, out of scope, other
 * office), each cell's expected answer computed from the rule table below — the policy as the
 * issue states it, written here independently of the implementation — and tried over HTTP
 * against the real server.
 *
 * Places: "home" is inside the narrowest scope (village 1 of district A, the village of the
 * village operator, in the district of the district operator; for the BPJS liaison: lines of a
 * batch sent to BPJS), "near" is in the same office but outside those scopes (another district,
 * a batch still open), "other" belongs to another office.
 */

type Role = 'public' | 'operator-desa' | 'operator-kecamatan' | 'petugas' | 'pekerja-sosial' | 'jf' | 'kabid' | 'kepala-dinas' | 'petugas-bpjs' | 'admin-kantor';
type Action = 'list' | 'get' | 'create' | 'update' | 'delete';

const ACTORS: Record<Role, string | null> = {
  public: null,
  'operator-desa': 'magetan.desa1',
  'operator-kecamatan': 'magetan.kecamatan',
  petugas: 'magetan.petugas',
  'pekerja-sosial': 'magetan.peksos',
  jf: 'magetan.jf',
  kabid: 'magetan.kabid',
  'kepala-dinas': 'magetan.kadis',
  'petugas-bpjs': 'magetan.bpjs',
  'admin-kantor': 'magetan.admin',
};
const STAFF = Object.keys(ACTORS).filter((r) => r !== 'public') as Role[];
const NOT_BPJS = STAFF.filter((r) => r !== 'petugas-bpjs');
const OFFICE: Role[] = ['petugas', 'pekerja-sosial', 'jf', 'kabid', 'kepala-dinas', 'admin-kantor'];
const REGIONAL: Role[] = ['operator-desa', 'operator-kecamatan'];
/** Roles that need NIK, KK and phone numbers in full. */
const FULL_IDENTITY: Role[] = ['operator-desa', 'petugas', 'pekerja-sosial', 'petugas-bpjs'];

interface Rule {
  read: Role[];
  create?: Role[];
  update?: Role[];
  delete?: Role[];
  /** "region": village and district operators see only their region's rows; "office": the whole office */
  scope: 'region' | 'office' | 'global';
  /** what the BPJS liaison sees at "home" (lines of a batch sent to BPJS) */
  bpjsHome?: boolean;
  /** the BPJS liaison sees the whole office's rows (public reference data: regions) */
  bpjsAll?: boolean;
  places?: PlaceKey[];
  /** places where an allowed, visible write is refused by a business rule (409) */
  conflicts?: Partial<Record<'update' | 'delete', PlaceKey[]>>;
}

const RULES: Record<string, Rule> = {
  applicants: { read: STAFF, create: ['operator-desa', 'petugas'], update: ['operator-desa', 'petugas', 'pekerja-sosial'], delete: ['operator-desa', 'petugas'], scope: 'region', bpjsHome: true },
  cases: { read: STAFF, create: ['operator-desa', 'petugas'], update: ['petugas', 'kabid'], scope: 'region', bpjsHome: true },
  'case-events': { read: NOT_BPJS, scope: 'region' },
  // The home batch has been sent to BPJS: no longer editable.
  batches: {
    read: STAFF,
    create: ['operator-desa', 'operator-kecamatan', 'petugas'],
    update: ['operator-desa', 'operator-kecamatan', 'petugas'],
    delete: ['operator-desa', 'operator-kecamatan', 'petugas'],
    scope: 'region',
    bpjsHome: true,
    conflicts: { update: ['home'], delete: ['home'] },
  },
  letters: { read: OFFICE, create: ['petugas', 'jf', 'kabid', 'kepala-dinas'], update: ['petugas', 'jf', 'kabid', 'kepala-dinas'], delete: ['petugas', 'kabid'], scope: 'office' },
  complaints: { read: OFFICE, create: ['petugas', 'admin-kantor'], update: ['petugas', 'kabid', 'admin-kantor'], scope: 'office' },
  'survey-responses': { read: OFFICE, scope: 'office' },
  'service-standards': { read: NOT_BPJS, update: ['admin-kantor', 'kabid'], scope: 'office' },
  sops: { read: NOT_BPJS, update: ['admin-kantor', 'kabid'], scope: 'office' },
  offices: { read: STAFF, update: ['admin-kantor'], scope: 'office', bpjsHome: true, places: ['home', 'other'] },
  regions: { read: STAFF, scope: 'region', bpjsAll: true },
  users: { read: ['admin-kantor'], create: ['admin-kantor'], update: ['admin-kantor'], delete: ['admin-kantor'], scope: 'office' },
  // "near" is a users-permissions role that is no staff role (authenticated).
  roles: { read: ['admin-kantor'], scope: 'global', places: ['home', 'near'] },
};

function visible(role: Role, resource: string, place: PlaceKey): boolean {
  const rule = RULES[resource];
  if (rule.scope === 'global') return place === 'home';
  if (place === 'other') return false;
  if (role === 'petugas-bpjs') return rule.bpjsAll === true || (place === 'home' && rule.bpjsHome === true);
  if (rule.scope === 'region' && REGIONAL.includes(role)) return place === 'home';
  return true;
}

function expected(role: Role, resource: string, action: Action, place: PlaceKey): number {
  if (role === 'public') return 401;
  const rule = RULES[resource];
  const allowed = action === 'list' || action === 'get' ? rule.read : rule[action];
  if (!allowed) return 405;
  if (!allowed.includes(role)) return 403;
  const vis = visible(role, resource, place);
  switch (action) {
    case 'list':
      return 200;
    case 'get':
      return vis ? 200 : 404;
    case 'create':
      return vis ? 201 : 403;
    default:
      if (!vis) return 404;
      return rule.conflicts?.[action]?.includes(place) ? 409 : 200;
  }
}

let server: TestServer;
let tokens: Record<string, string>;
let places: Record<PlaceKey, Place>;
const fixtures: Record<string, Partial<Record<PlaceKey, string>>> = {};
let s: any;

beforeAll(async () => {
  server = await startServer();
  s = server.strapi;
  tokens = await logins(
    server,
    STAFF.map((r) => ACTORS[r]!),
  );
  places = await loadPlaces(s);
  const each = async (make: (p: Place) => Promise<any>, keys: readonly PlaceKey[] = PLACES) => {
    const out: Partial<Record<PlaceKey, any>> = {};
    for (const k of keys) out[k] = await make(places[k]);
    return out;
  };
  const applicants = await each((p) => makeApplicant(s, p));
  const batches = await each((p) => makeBatch(s, p, p.key === 'near' ? 'open' : 'sent-to-bpjs'));
  const cases = await each((p) => makeCase(s, p, applicants[p.key], batches[p.key]));
  const ids = (rec: Partial<Record<PlaceKey, any>>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v.documentId]));
  const standards = { home: await publishedStandard(s, 'magetan'), other: await publishedStandard(s, 'tarakan') };
  const [nearStd] = await s.documents('api::service-standard.service-standard').findMany({ filters: { officeCode: 'magetan', documentId: { $ne: standards.home.documentId } }, limit: 1 });
  const sopOf = async (std: any) => (await s.documents('api::service-standard.service-standard').findOne({ documentId: std.documentId, populate: { sop: true } })).sop;
  const region = async (code: string) => (await s.db.query('api::region.region').findOne({ where: { code } })).documentId;
  const office = async (code: string) => (await s.db.query('api::office.office').findOne({ where: { code } })).documentId;
  const role = async (type: string) => (await s.db.query('plugin::users-permissions.role').findOne({ where: { type } })).documentId;
  Object.assign(fixtures, {
    applicants: ids(applicants),
    cases: ids(cases),
    batches: ids(batches),
    'case-events': ids(await each((p) => makeCaseEvent(s, cases[p.key]))),
    letters: ids(await each((p) => makeLetter(s, p, cases[p.key]))),
    complaints: ids(await each((p) => makeComplaint(s, p))),
    'survey-responses': ids(await each((p) => makeSurvey(s, p))),
    'service-standards': { home: standards.home.documentId, near: nearStd.documentId, other: standards.other.documentId },
    sops: { home: (await sopOf(standards.home)).documentId, near: (await sopOf(nearStd)).documentId, other: (await sopOf(standards.other)).documentId },
    offices: { home: await office('magetan'), other: await office('tarakan') },
    regions: { home: await region(places.home.village), near: await region(places.near.village), other: await region(places.other.village) },
    users: ids(await each((p) => makeUser(s, p))),
    roles: { home: await role('petugas'), near: await role('authenticated') },
  });
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

/** Who reads a record in full to build a PUT body (as react-admin would after a get). */
const readerOf = (resource: string) => (['users', 'roles', 'offices'].includes(resource) ? 'magetan.admin' : 'magetan.petugas');
let n = 0;

/** The same record with one harmless change, the whole record sent back as react-admin does. */
const CHANGES: Record<string, (r: any) => Record<string, unknown>> = {
  applicants: () => ({ address: `Jalan Uji ${++n}` }),
  cases: (r) => ({ priority: r.priority === 'regular' ? 'emergency' : 'regular' }),
  batches: (r) => ({ code: `${r.code}-u${++n}` }),
  letters: (r) => ({ subject: `${r.subject} (ubah ${++n})` }),
  complaints: () => ({ reply: `Balasan uji ${++n}` }),
  'service-standards': () => ({ fee: `Gratis (uji ${++n})` }),
  sops: () => ({ revision: `Uji ${++n}` }),
  offices: () => ({ phone: `(0351) 8${String(++n).padStart(5, '0')}` }),
  users: () => ({ fullName: `Nama Uji ${++n}` }),
};

async function putBody(resource: string, id: string): Promise<Record<string, unknown>> {
  // The reference reader sees every in-office record; for records it can't see, send a plausible body.
  const r = await call(server, 'GET', `/${resource}/${id}`, tokens[readerOf(resource)]);
  const record = r.status === 200 ? r.body : { id, version: 1, priority: 'regular', code: 'X', subject: 'X' };
  return { ...record, ...(CHANGES[resource]?.(record) ?? {}) };
}

/** Body of a create placing the new record at a place. */
async function createBody(resource: string, place: Place, role: string): Promise<Record<string, unknown>> {
  n += 1;
  switch (resource) {
    case 'applicants':
      return {
        nik: `${place.district.replace(/\./g, '')}0101${String(70 + (n % 29))}${String(1000 + n).slice(-4)}`,
        name: `Pemohon Baru ${n}`,
        sex: 'male',
        birthDate: `19${70 + (n % 29)}-01-01`,
        villageCode: place.village,
      };
    case 'cases':
      // Who opens a case is the SOP's first executor: the village operator proposes PBI-D, the case worker takes reactivations.
      return {
        applicant: (await makeApplicant(s, place)).documentId,
        service: (await publishedStandard(s, 'magetan', role === 'operator-desa' ? 'magetan-pengusulan-pbi-d' : 'magetan-reaktivasi-kartu-jkn-kis')).documentId,
      };
    case 'batches':
      return { month: '2026-11', region: place.villageId };
    case 'letters':
      return { kind: 'reaktivasi', subject: `Surat baru ${n}`, case: fixtures.cases[place.key] };
    case 'complaints':
      return { channel: 'phone', text: `Pengaduan baru ${n}`, case: fixtures.cases[place.key] };
    case 'users':
      return {
        username: `baru.${n}.${Date.now() % 100000}`,
        email: `baru.${n}.${Date.now() % 100000}@uji.id`,
        password: 'Kata-Sandi-2026',
        role: (await s.db.query('plugin::users-permissions.role').findOne({ where: { type: 'operator-desa' } })).documentId,
        region: place.villageId,
      };
    default:
      return { name: `Baru ${n}` };
  }
}

/** A fresh record at a place for a delete cell, so each delete is tried on its own record. */
async function freshForDelete(resource: string, place: Place): Promise<string> {
  switch (resource) {
    case 'applicants':
      return (await makeApplicant(s, place)).documentId;
    case 'batches':
      return (await makeBatch(s, place, place.key === 'near' ? 'open' : 'sent-to-bpjs')).documentId;
    case 'letters':
      return (await makeLetter(s, place)).documentId;
    case 'users':
      return (await makeUser(s, place)).documentId;
    default:
      return fixtures[resource][place.key]!;
  }
}

function leaksIn(role: Role, resource: string, rows: any[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const office = resource === 'offices' ? row.code : row.officeCode;
    if (office !== undefined && office !== 'magetan') problems.push(`${row.id} of office ${office}`);
    if (RULES[resource].scope === 'region' && role === 'operator-desa' && row.villageCode !== undefined && row.villageCode !== places.home.village)
      problems.push(`${row.id} of village ${row.villageCode}`);
    if (RULES[resource].scope === 'region' && role === 'operator-kecamatan' && row.districtCode !== undefined && row.districtCode !== places.home.district)
      problems.push(`${row.id} of district ${row.districtCode}`);
    if (role === 'petugas-bpjs' && resource === 'batches' && !['sent-to-bpjs', 'cleansed', 'closed'].includes(row.status)) problems.push(`${row.id} with status ${row.status}`);
  }
  return problems;
}

test('every role × resource × action × place answers as the rule table says', async () => {
  const roles = Object.keys(ACTORS) as Role[];
  const failures: string[] = [];
  let planned = 0;
  let tried = 0;
  const answers = new Map<number, number>();
  const check = (cell: string, ok: boolean, detail: string, status: number) => {
    tried += 1;
    answers.set(status, (answers.get(status) ?? 0) + 1);
    if (!ok) failures.push(`${cell}: ${detail}`);
  };

  for (const resource of Object.keys(RULES)) {
    const keys = RULES[resource].places ?? PLACES;
    for (const role of roles) {
      const token = ACTORS[role] ? tokens[ACTORS[role]!] : undefined;
      // The unfiltered list must hold nothing outside the role's scope.
      planned += 1;
      const all = await call(server, 'GET', `/${resource}${listQuery({ range: [0, 999] })}`, token);
      const allExpected = expected(role, resource, 'list', 'home');
      check(
        `${role} list-all ${resource}`,
        all.status === allExpected && (all.status !== 200 || leaksIn(role, resource, all.body).length === 0),
        `expected ${allExpected}, got ${all.status} ${all.status === 200 ? leaksIn(role, resource, all.body).join(', ') : JSON.stringify(all.body?.error?.message)}`,
        all.status,
      );

      for (const key of keys) {
        const place = places[key];
        const id = fixtures[resource][key]!;
        for (const action of ['list', 'get', 'create', 'update', 'delete'] as Action[]) {
          planned += 1;
          const want = expected(role, resource, action, key);
          const cell = `${role} ${action} ${resource} @${key}`;
          let r;
          if (action === 'list') {
            r = await call(server, 'GET', `/${resource}${listQuery({ filter: { id: [id] }, range: [0, 9] })}`, token);
            const contains = r.status === 200 && Array.isArray(r.body) && r.body.some((x: any) => x.id === id);
            const wantContains = want === 200 && visible(role, resource, key);
            check(
              cell,
              r.status === want && contains === wantContains,
              `expected ${want}${want === 200 ? (wantContains ? ' with the record' : ' without the record') : ''}, got ${r.status}${r.status === 200 ? (contains ? ' with the record' : ' without the record') : ''}`,
              r.status,
            );
            continue;
          }
          if (action === 'get') r = await call(server, 'GET', `/${resource}/${id}`, token);
          else if (action === 'create') r = await call(server, 'POST', `/${resource}`, token, await createBody(resource, place, role));
          else if (action === 'update') r = await call(server, 'PUT', `/${resource}/${id}`, token, await putBody(resource, id));
          else r = await call(server, 'DELETE', `/${resource}/${await freshForDelete(resource, place)}`, token);
          let ok = r.status === want;
          let detail = `expected ${want}, got ${r.status} ${r.status >= 400 ? JSON.stringify(r.body?.error?.message ?? r.body) : ''}`;
          // Personal numbers: in full only for the roles that need them.
          if (ok && r.status < 300 && resource === 'applicants' && typeof r.body.nik === 'string') {
            const masked = r.body.nik.includes('*');
            if (masked === FULL_IDENTITY.includes(role)) {
              ok = false;
              detail = `NIK ${masked ? 'masked' : 'in full'} for ${role}`;
            }
          }
          check(cell, ok, detail, r.status);
        }
      }
    }
  }
  console.log(
    `staff API matrix: ${tried} cells tried of ${planned} planned (${Object.keys(ACTORS).length} roles incl. public × ${Object.keys(RULES).length} resources × list/get/create/update/delete × places, plus a leak check per role and resource); answers ${[
      ...answers,
    ]
      .sort()
      .map(([k, v]) => `${k}×${v}`)
      .join(' ')}; ${failures.length} mismatches`,
  );
  if (failures.length) console.log(failures.join('\n'));
  expect(tried).toBe(planned);
  expect(failures).toEqual([]);
}, 900_000);
