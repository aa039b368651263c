import fs from 'fs';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';

/**
 * Authoring in the CMS (Strapi's content-manager API, as its admin UI calls it): a document's
 * office code and office relation never disagree, an Admin Kantor writes only in their own
 * office, standards and SOPs are checked on publish with errors where the form shows them, and
 * the content manager is set up in Indonesian.
 */
const PASSWORD = 'Demo-PBI-2026!';
const CM = '/content-manager/collection-types';
const STANDARD_UID = 'api::service-standard.service-standard';
const SOP_UID = 'api::sop.sop';
const TEMPLATE_UID = 'api::letter-template.letter-template';
let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  for (const [who, email] of [
    ['magetan', 'magetan.admin@demo.layanan-pbi.id'],
    ['super', 'admin@demo.layanan-pbi.id'],
  ]) {
    const res = await server.http('/admin/login', { method: 'POST', json: { email, password: PASSWORD } });
    const body: any = await res.json();
    expect(res.status).toBe(200);
    tokens[who] = body.data.token ?? body.data.accessToken;
  }
});
afterAll(async () => {
  await server?.stop();
});

async function cm(who: string, method: string, url: string, json?: unknown) {
  const res = await server.http(`${CM}/${url}`, { method, token: tokens[who], json });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
const officeId = async (code: string): Promise<string> => (await server.strapi.db.query('api::office.office').findOne({ where: { code } })).documentId;
/** officeCode and the office relation's code of a document's draft (or published version). */
async function officeOf(uid: string, documentId: string, published = false) {
  const row = await server.strapi.db.query(uid).findOne({
    where: { documentId, ...(uid === TEMPLATE_UID ? {} : { publishedAt: published ? { $notNull: true } : null }) },
    populate: { office: { select: ['code'] } },
  });
  return { officeCode: row.officeCode ?? null, office: row.office?.code ?? null };
}
const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const completeStandard = (slug: string) => ({
  title: `Layanan uji ${slug}`,
  slug,
  requirements: [{ key: 'ktp', text: 'Fotokopi KTP' }],
  procedureSteps: [{ text: 'Pemohon datang ke kantor' }],
  completionTimeText: '1 hari',
  fee: 'Gratis',
});

describe('office code and office relation agree', () => {
  test('an Admin Kantor publishing with another office picked stays in their office, on the public page too', async () => {
    const created = await cm('magetan', 'POST', STANDARD_UID, { ...completeStandard('uji-kantor-lain'), officeCode: 'magetan' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const published = await cm('magetan', 'POST', `${STANDARD_UID}/${id}/actions/publish`, { office: { connect: [{ documentId: await officeId('tarakan') }] } });
    expect(published.status).toBe(200);
    expect(await officeOf(STANDARD_UID, id, true)).toEqual({ officeCode: 'magetan', office: 'magetan' });
    const names = await server.strapi.db.query('api::office.office').findMany({ where: { code: { $in: ['magetan', 'tarakan'] } } });
    const page = await (await server.http('/layanan/uji-kantor-lain')).text();
    expect(page).toContain(names.find((o: any) => o.code === 'magetan').name);
    expect(page).not.toContain(names.find((o: any) => o.code === 'tarakan').name);
  });

  test('super admin: the office picked sets the code, a new code moves the office, and the two disagreeing is a 400', async () => {
    const clash = await cm('super', 'POST', SOP_UID, { name: 'SOP uji', officeCode: 'magetan', office: { connect: [{ documentId: await officeId('tarakan') }] } });
    expect(clash.status).toBe(400);
    expect(paths(clash.body)).toEqual(['officeCode']);

    const picked = await cm('super', 'POST', SOP_UID, { name: 'SOP uji', office: { connect: [{ documentId: await officeId('tarakan') }] } });
    expect(picked.status).toBe(201);
    const id = picked.body.data.documentId;
    expect(await officeOf(SOP_UID, id)).toEqual({ officeCode: 'tarakan', office: 'tarakan' });
    expect((await cm('super', 'PUT', `${SOP_UID}/${id}`, { officeCode: 'banjarbaru' })).status).toBe(200);
    expect(await officeOf(SOP_UID, id)).toEqual({ officeCode: 'banjarbaru', office: 'banjarbaru' });
  });

  test('a draft whose office was set apart from its code is put right when published', async () => {
    const draft = await server.strapi.db.query(STANDARD_UID).findOne({ where: { officeCode: 'magetan', publishedAt: null } });
    const tarakan = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'tarakan' } });
    await server.strapi.db.query(STANDARD_UID).update({ where: { id: draft.id }, data: { office: tarakan.id } });
    expect((await cm('super', 'POST', `${STANDARD_UID}/${draft.documentId}/actions/publish`, {})).status).toBe(200);
    expect(await officeOf(STANDARD_UID, draft.documentId, true)).toEqual({ officeCode: 'magetan', office: 'magetan' });
  });
});

describe('an Admin Kantor writes in their own office only', () => {
  test("creating in another office is refused; without a code the draft is the admin's own and stays so", async () => {
    const other = await cm('magetan', 'POST', SOP_UID, { name: 'SOP kantor lain', officeCode: 'tarakan' });
    expect(other.status).toBe(400);
    expect(paths(other.body)).toEqual(['officeCode']);
    expect(await server.strapi.db.query(SOP_UID).count({ where: { name: 'SOP kantor lain' } })).toBe(0);

    const own = await cm('magetan', 'POST', SOP_UID, { name: 'SOP tanpa kode' });
    expect(own.status).toBe(201);
    const id = own.body.data.documentId;
    expect(await officeOf(SOP_UID, id)).toEqual({ officeCode: 'magetan', office: 'magetan' });
    expect((await cm('magetan', 'GET', `${SOP_UID}/${id}`)).status).toBe(200);

    const moved = await cm('magetan', 'PUT', `${SOP_UID}/${id}`, { name: 'SOP tanpa kode', officeCode: 'karangasem', office: { connect: [{ documentId: await officeId('karangasem') }] } });
    expect(moved.status).toBeLessThan(500);
    expect(await officeOf(SOP_UID, id)).toEqual({ officeCode: 'magetan', office: 'magetan' });
  });

  test('letter templates too; cloning another office’s document is refused', async () => {
    const other = await cm('magetan', 'POST', TEMPLATE_UID, { kind: 'uji', subject: 'Uji', officeCode: 'tarakan' });
    expect(other.status).toBe(400);
    const own = await cm('magetan', 'POST', TEMPLATE_UID, { kind: 'uji', subject: 'Uji' });
    expect(own.status).toBe(201);
    expect(await officeOf(TEMPLATE_UID, own.body.data.documentId)).toEqual({ officeCode: 'magetan', office: 'magetan' });

    const tarakanSop = await server.strapi.db.query(SOP_UID).findOne({ where: { officeCode: 'tarakan', publishedAt: null } });
    const before = await server.strapi.db.query(SOP_UID).count({ where: { officeCode: 'tarakan' } });
    expect((await cm('magetan', 'POST', `${SOP_UID}/clone/${tarakanSop.documentId}`, {})).status).toBe(403);
    expect(await server.strapi.db.query(SOP_UID).count({ where: { officeCode: 'tarakan' } })).toBe(before);
  });

  test('the super admin still chooses the office', async () => {
    const res = await cm('super', 'POST', SOP_UID, { name: 'SOP pilihan super admin', officeCode: 'karangasem' });
    expect(res.status).toBe(201);
    expect(await officeOf(SOP_UID, res.body.data.documentId)).toEqual({ officeCode: 'karangasem', office: 'karangasem' });
  });

  test('the role may not edit the office fields (the form shows them read-only)', async () => {
    const role = await server.strapi.db.query('admin::role').findOne({ where: { code: 'layanan-office-admin' }, populate: ['permissions'] });
    const fieldsOf = (action: string, subject: string) => role.permissions.find((p: any) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === subject).properties.fields;
    for (const uid of [STANDARD_UID, SOP_UID, TEMPLATE_UID]) {
      expect(fieldsOf('update', uid)).not.toContain('officeCode');
      expect(fieldsOf('update', uid)).not.toContain('office');
      expect(fieldsOf('create', uid)).not.toContain('office');
      expect(fieldsOf('read', uid)).toContain('officeCode');
    }
    expect(fieldsOf('update', 'api::office.office')).not.toContain('code');
  });
});

describe('a Standar Pelayanan is complete before it is published', () => {
  test('title and slug alone are refused, naming each missing component in Indonesian', async () => {
    const res = await cm('super', 'POST', `${STANDARD_UID}/actions/publish`, { title: 'Layanan kosong', slug: 'layanan-kosong' });
    expect(res.status).toBe(400);
    expect(paths(res.body).sort()).toEqual(['completionTimeText', 'fee', 'office', 'procedureSteps', 'requirements']);
    expect(res.body.error.message).toMatch(/Persyaratan belum diisi.*prosedur.*Jangka waktu.*Biaya\/tarif.*Kantor/);
    expect(await server.strapi.db.query(STANDARD_UID).count({ where: { slug: 'layanan-kosong', publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('an empty fee is refused; "-" and a procedure given as a linked SOP are enough', async () => {
    const { procedureSteps, ...rest } = completeStandard('layanan-biaya');
    const empty = await cm('super', 'POST', `${STANDARD_UID}/actions/publish`, { ...rest, officeCode: 'magetan', fee: '  ' });
    expect(empty.status).toBe(400);
    expect(paths(empty.body).sort()).toEqual(['fee', 'procedureSteps']);
    const sop = await server.strapi.db.query(SOP_UID).findOne({ where: { officeCode: 'magetan', publishedAt: null } });
    const ok = await cm('super', 'POST', `${STANDARD_UID}/actions/publish`, { ...rest, officeCode: 'magetan', fee: '-', sop: { connect: [{ documentId: sop.documentId }] } });
    expect(ok.status).toBe(200);
  });

  test('every seeded standard publishes as it is', async () => {
    const drafts = await server.strapi.db.query(STANDARD_UID).findMany({ where: { publishedAt: null, slug: { $notIn: ['uji-kantor-lain', 'layanan-biaya', 'layanan-kosong'] } } });
    expect(drafts.length).toBe(5);
    for (const d of drafts) expect([d.slug, (await cm('super', 'POST', `${STANDARD_UID}/${d.documentId}/actions/publish`, {})).status]).toEqual([d.slug, 200]);
  });
});

describe('SOP publish errors point at the activity as the form shows it', () => {
  const executors = [{ key: 'petugas', label: 'Petugas Linjamsos', roles: ['petugas'] }];
  const activities = () => [
    { number: 3, text: 'Selesai', executor: 'petugas', symbol: 'end' },
    { number: 2, text: 'Periksa berkas', executor: 'petugas', symbol: 'process', next: 3 },
    { number: 1, text: 'Terima berkas', executor: 'petugas', symbol: 'start', next: 9 },
  ];

  test('a wrong next in activity 1, stored third, is reported at activities.2', async () => {
    const res = await cm('super', 'POST', `${SOP_UID}/actions/publish`, { name: 'SOP urutan', officeCode: 'magetan', executors, activities: activities() });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['activities', '2', 'next'], message: expect.stringMatching(/^Kegiatan 1: /) })]);
  });

  test('an activity without executor says it is not filled in', async () => {
    const list = activities();
    list[2].next = 2;
    delete (list[1] as any).executor;
    const res = await cm('super', 'POST', SOP_UID, { name: 'SOP tanpa pelaksana', officeCode: 'magetan', executors, activities: list });
    expect(res.status).toBe(201);
    const published = await cm('super', 'POST', `${SOP_UID}/${res.body.data.documentId}/actions/publish`, {});
    expect(published.status).toBe(400);
    expect(published.body.error.details.errors).toEqual([expect.objectContaining({ path: ['activities', '1', 'executor'], message: 'Kegiatan 2: pelaksana belum diisi' })]);
  });
});

describe('the CMS in Indonesian', () => {
  test('office admins read the CMS in Indonesian, which the admin app offers', async () => {
    const admins = await server.strapi.db.query('admin::user').findMany({ where: { email: { $endsWith: '.admin@demo.layanan-pbi.id' } } });
    expect(admins.length).toBe(4);
    expect(admins.map((a: any) => a.preferedLanguage)).toEqual(Array(4).fill('id'));
    const app = fs.readFileSync(path.join(__dirname, '../../cms/src/admin/app.ts'), 'utf8');
    expect(app).toMatch(/locales:\s*\[\s*'id'\s*\]/);
    const strapiAdmin = path.dirname(require.resolve('@strapi/admin/package.json', { paths: [path.join(__dirname, '../../cms')] }));
    expect(fs.existsSync(path.join(strapiAdmin, 'dist/admin/admin/src/translations/id.json.js'))).toBe(true);
  });

  test('entries are named by their name, text or label; activity fields have Indonesian labels', async () => {
    const get = async (url: string) => ((await (await server.http(`/content-manager/${url}`, { token: tokens.super })).json()) as any).data;
    const sop = await get(`content-types/${SOP_UID}/configuration`);
    expect(sop.contentType.settings.mainField).toBe('name');
    expect(sop.components['sop.activity'].settings.mainField).toBe('text');
    expect(sop.components['sop.executor'].settings.mainField).toBe('label');
    expect(sop.components['sop.activity'].metadatas.tracks.edit.label).toMatch(/jalur/);
    expect(sop.components['sop.activity'].metadatas.initialRoles.edit.label).toMatch(/paraf/);
    const standard = await get(`content-types/${STANDARD_UID}/configuration`);
    expect(standard.contentType.settings.mainField).toBe('title');
    expect(standard.contentType.metadatas.sop.edit.mainField).toBe('name');
  });
});
