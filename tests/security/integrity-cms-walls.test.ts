import { startServer, type TestServer } from '../helpers/strapi';

/**
 * CMS roles (issue 19): an Admin Kantor sees and manages only its own office's entries and
 * templates. The rule, as seeded (cms/src/seed/cms-office-admins.ts):
 *   - standards, SOPs, letter templates: create, read, update, delete, publish — own office only;
 *   - its office record: read and update (not its code) — own office only;
 *   - regions: read (public administrative data, for the relation pickers);
 *   - the Media Library (another part of issue 19);
 *   - nothing else: not applicants, cases, case history, SOP versions, batches, letters,
 *     complaints, survey answers, jobs, staff or CMS accounts. Those are the staff panel's, where
 *     the staff API's scopes and masking apply.
 * A Magetan admin is probed against Tarakan's documents through every content-manager door.
 */
const PASSWORD = 'Demo-PBI-2026!';
const CM = '/content-manager/collection-types';
const STANDARD = 'api::service-standard.service-standard';
const SOP = 'api::sop.sop';
const TEMPLATE = 'api::letter-template.letter-template';
const OFFICE = 'api::office.office';
let server: TestServer;
let token: string;
let requests = 0;

beforeAll(async () => {
  server = await startServer();
  const res = await server.http('/admin/login', { method: 'POST', json: { email: 'magetan.admin@demo.layanan-pbi.id', password: PASSWORD } });
  const body: any = await res.json();
  token = body.data.token ?? body.data.accessToken;
});
afterAll(async () => {
  await server?.stop();
});

async function as(method: string, path: string, json?: unknown) {
  requests += 1;
  const res = await server.http(path, { method, token, json });
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text };
}
const cm = (method: string, path: string, json?: unknown) => as(method, `${CM}/${path}`, json);
const draftAndPublish = (uid: string) => uid === STANDARD || uid === SOP;
const rowOf = (uid: string, where: Record<string, unknown>) => server.strapi.db.query(uid).findOne({ where: { ...where, ...(draftAndPublish(uid) ? { publishedAt: null } : {}) } });
const codeField = (uid: string) => (uid === OFFICE ? 'code' : 'officeCode');

test('the Admin Kantor role holds exactly the stated permissions', async () => {
  const res = await as('GET', '/admin/users/me/permissions');
  const held = (res.body.data as { action: string; subject: string | null; conditions: string[] }[])
    .filter((p) => !p.action.startsWith('plugin::upload.'))
    .map((p) => `${p.action.replace('plugin::content-manager.explorer.', '')} ${p.subject} [${p.conditions.join(',')}]`)
    .sort();
  const own = (uid: string, actions: string[]) => actions.map((a) => `${a} ${uid} [api::own-office]`);
  expect(held).toEqual(
    [...[STANDARD, SOP, TEMPLATE].flatMap((uid) => own(uid, ['create', 'delete', 'publish', 'read', 'update'])), ...own(OFFICE, ['read', 'update']), 'read api::region.region []'].sort(),
  );
});

describe.each([STANDARD, SOP, TEMPLATE, OFFICE])('%s of another office', (uid) => {
  let other: any;
  beforeAll(async () => {
    other = await rowOf(uid, { [codeField(uid)]: 'tarakan' });
  });

  test('lists show only Magetan', async () => {
    const r = await cm('GET', `${uid}?page=1&pageSize=100`);
    expect(r.status).toBe(200);
    expect(r.body.results.length).toBeGreaterThan(0);
    expect(new Set(r.body.results.map((d: any) => d[codeField(uid)]))).toEqual(new Set(['magetan']));
    expect(r.text).not.toContain(other.documentId);
  });

  test('read, update, delete, clone, publish and the bulk actions are refused, and nothing changes', async () => {
    const id = other.documentId;
    const before = await server.strapi.db.query(uid).findMany({ where: { documentId: id }, orderBy: { id: 'asc' } });
    const calls: [string, string, unknown][] = [
      ['GET', `${uid}/${id}`, undefined],
      ['PUT', `${uid}/${id}`, { name: 'Diubah kantor lain', title: 'Diubah kantor lain', subject: 'Diubah kantor lain' }],
      ['DELETE', `${uid}/${id}`, undefined],
      ['POST', `${uid}/clone/${id}`, {}],
      ['POST', `${uid}/${id}/actions/publish`, {}],
      ['POST', `${uid}/${id}/actions/unpublish`, {}],
      ['POST', `${uid}/${id}/actions/discard`, {}],
      ['GET', `${uid}/${id}/actions/countDraftRelations`, undefined],
      ['POST', `${uid}/actions/bulkDelete`, { documentIds: [id] }],
      ['POST', `${uid}/actions/bulkPublish`, { documentIds: [id] }],
      ['POST', `${uid}/actions/bulkUnpublish`, { documentIds: [id] }],
    ];
    for (const [method, path, json] of calls) {
      const r = await cm(method, path, json);
      // 403 (not its office), or for publishing a type without drafts the 400 saying so.
      expect([method, path, r.status >= 400 && r.status < 500]).toEqual([method, path, true]);
      expect(r.text).not.toContain(`"documentId":"${id}"`);
    }
    // Every stored version of the document (draft and published) is as it was.
    expect(await server.strapi.db.query(uid).findMany({ where: { documentId: id }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});

test("a new entry or an edit can't be put in another office", async () => {
  const tarakan = await server.strapi.db.query(OFFICE).findOne({ where: { code: 'tarakan' } });
  const created = await cm('POST', TEMPLATE, { kind: 'uji-tembok', subject: 'Uji', officeCode: 'tarakan' });
  expect(created.status).toBe(400);
  expect(created.body.error.details.errors[0].path).toEqual(['officeCode']);
  const own = await rowOf(TEMPLATE, { officeCode: 'magetan' });
  // Its update permission leaves the office out: the field is dropped, the template stays.
  await cm('PUT', `${TEMPLATE}/${own.documentId}`, { office: { connect: [{ documentId: tarakan.documentId }] }, officeCode: 'tarakan' });
  const kept = await server.strapi.db.query(TEMPLATE).findOne({ where: { id: own.id }, populate: { office: true } });
  expect([kept.officeCode, kept.office.code]).toEqual(['magetan', 'magetan']);
  // Its own office record: the code, which everything is keyed on, stays.
  const office = await server.strapi.db.query(OFFICE).findOne({ where: { code: 'magetan' } });
  await cm('PUT', `${OFFICE}/${office.documentId}`, { code: 'tarakan' });
  expect((await server.strapi.db.query(OFFICE).findOne({ where: { id: office.id } })).code).toBe('magetan');
});

test("another office's SOP can't be linked to its standard: the picker doesn't offer it and a write naming it is refused", async () => {
  const standard = await rowOf(STANDARD, { officeCode: 'magetan' });
  const foreign = await server.strapi.db.query(SOP).findMany({ where: { officeCode: 'tarakan' } });
  const picker = await as('GET', `/content-manager/relations/${STANDARD}/${standard.documentId}/sop?pageSize=100`);
  const available = await as('GET', `/content-manager/relations/${STANDARD}/sop?pageSize=100`);
  for (const r of [picker, available]) {
    expect(r.status).toBe(200);
    for (const sop of foreign) expect(r.text).not.toContain(sop.documentId);
  }
  const tarakanStandard = await rowOf(STANDARD, { officeCode: 'tarakan' });
  expect((await as('GET', `/content-manager/relations/${STANDARD}/${tarakanStandard.documentId}/sop`)).status).toBe(403);

  const before = await server.strapi.db.query(STANDARD).findOne({ where: { id: standard.id }, populate: { sop: true } });
  for (const sop of [{ documentId: foreign[0].documentId }, { id: foreign[0].id }]) {
    const linked = await cm('PUT', `${STANDARD}/${standard.documentId}`, { sop: { connect: [sop] } });
    expect(linked.status).toBe(400);
    expect(linked.body.error.details.errors[0]).toMatchObject({ path: ['sop'], message: 'hanya dapat dihubungkan dengan data kantor yang sama (magetan)' });
  }
  const after = await server.strapi.db.query(STANDARD).findOne({ where: { id: standard.id }, populate: { sop: true } });
  expect(after.sop?.documentId).toBe(before.sop?.documentId);
});

test('the content types it has no business with are closed, list, entry and create', async () => {
  const closed = [
    'api::applicant.applicant',
    'api::case.case',
    'api::case-event.case-event',
    'api::sop.sop-version',
    'api::batch.batch',
    'api::letter.letter',
    'api::complaint.complaint',
    'api::survey-response.survey-response',
    'api::job.job',
    'api::counter.counter',
    'plugin::users-permissions.user',
    'plugin::users-permissions.role',
  ];
  for (const uid of closed) {
    const one = await server.strapi.db.query(uid).findOne({ where: {} });
    for (const [method, path, json] of [['GET', `${uid}?page=1&pageSize=10`, undefined], ['POST', uid, {}], ...(one?.documentId ? [['GET', `${uid}/${one.documentId}`, undefined]] : [])] as [
      string,
      string,
      unknown,
    ][]) {
      const r = await cm(method, path, json);
      expect([uid, method, r.status]).toEqual([uid, method, 403]);
      expect(r.body.error.message).toMatch(/tidak berwenang|hanya dapat ditambah|Versi SOP/);
    }
  }
  // Nor the CMS's own accounts and roles.
  for (const path of ['/admin/users?page=1&pageSize=10', '/admin/roles', '/users-permissions/roles']) {
    expect([path, (await as('GET', path)).status]).toEqual([path, 403]);
  }
});

test("the CMS home page's recent and counted documents are its office's only", async () => {
  const others = [
    ...(await server.strapi.db.query(STANDARD).findMany({ where: { officeCode: { $ne: 'magetan' } }, select: ['documentId'] })),
    ...(await server.strapi.db.query(SOP).findMany({ where: { officeCode: { $ne: 'magetan' } }, select: ['documentId'] })),
    ...(await server.strapi.db.query(TEMPLATE).findMany({ where: { officeCode: { $ne: 'magetan' } }, select: ['documentId'] })),
  ].map((d) => d.documentId);
  expect(others.length).toBeGreaterThan(10);
  for (const action of ['update', 'publish']) {
    const r = await as('GET', `/content-manager/homepage/recent-documents?action=${action}`);
    expect(r.status).toBe(200);
    expect(r.body.data.length).toBeGreaterThan(0);
    for (const id of others) expect(r.text).not.toContain(id);
  }
  console.log(`CMS walls: ${requests} requests as the Magetan office admin`);
});
