import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeCase } from '../staff-api/fixtures';

/**
 * The CMS's refusals (issue 19, defect 14): publish, unpublish and discard on letter templates
 * and case events, and deleting a case with history, answered 500. Each is a 4xx whose Indonesian
 * message is in the envelope the CMS shows ({ error: { message } }), and nothing changes.
 */
const PASSWORD = 'Demo-PBI-2026!';
const CM = '/content-manager/collection-types';
const TEMPLATE = 'api::letter-template.letter-template';
const CASE = 'api::case.case';
const APPLICANT = 'api::applicant.applicant';
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
    tokens[who] = body.data.token ?? body.data.accessToken;
  }
});
afterAll(async () => {
  await server?.stop();
});

async function cm(who: string, method: string, path: string, json?: unknown) {
  const res = await server.http(`${CM}/${path}`, { method, token: tokens[who], json });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
const INDONESIAN_NO_DRAFTS = /tidak memakai draf dan terbit/;

describe('draft actions on a type without drafts (letter templates)', () => {
  const actions = (id: string) =>
    [
      ['publish', `${TEMPLATE}/${id}/actions/publish`, { subject: 'Diubah lewat terbit' }],
      ['unpublish', `${TEMPLATE}/${id}/actions/unpublish`, {}],
      ['discard', `${TEMPLATE}/${id}/actions/discard`, {}],
      ['bulkPublish', `${TEMPLATE}/actions/bulkPublish`, { documentIds: [id] }],
      ['bulkUnpublish', `${TEMPLATE}/actions/bulkUnpublish`, { documentIds: [id] }],
    ] as const;

  test.each(['magetan', 'super'])('as %s: each is a 400 in Indonesian and the template is unchanged', async (who) => {
    const template = await server.strapi.db.query(TEMPLATE).findOne({ where: { officeCode: 'magetan' } });
    for (const [name, path, body] of actions(template.documentId)) {
      const r = await cm(who, 'POST', path, body);
      expect([name, r.status, r.body?.error?.name]).toEqual([name, 400, 'ApplicationError']);
      expect(r.body.error.message).toMatch(INDONESIAN_NO_DRAFTS);
    }
    expect(await server.strapi.db.query(TEMPLATE).findOne({ where: { id: template.id } })).toEqual(template);
  });
});

describe('deleting a case with history, or an applicant with cases', () => {
  test('a case with history: 409 in Indonesian, alone or in a bulk delete; case and history stay', async () => {
    const kase = await server.strapi.db.query(CASE).findOne({ where: { officeCode: 'magetan' } });
    const events = await server.strapi.db.query('api::case-event.case-event').count({ where: { case: { id: kase.id } } });
    expect(events).toBeGreaterThan(0);
    for (const [method, path, body] of [
      ['DELETE', `${CASE}/${kase.documentId}`, undefined],
      ['POST', `${CASE}/actions/bulkDelete`, { documentIds: [kase.documentId] }],
    ] as const) {
      const r = await cm('super', method, path, body);
      expect([r.status, r.body.error.name]).toEqual([409, 'ConflictError']);
      expect(r.body.error.message).toBe('Kasus yang sudah memiliki riwayat tidak dapat dihapus; tutup kasus melalui tindakan kasus');
    }
    expect(await server.strapi.db.query(CASE).count({ where: { id: kase.id } })).toBe(1);
    expect(await server.strapi.db.query('api::case-event.case-event').count({ where: { case: { id: kase.id } } })).toBe(events);
  });

  test('an applicant with cases: 409 in Indonesian, and the cases keep their applicant', async () => {
    const home = (await loadPlaces(server.strapi)).home;
    const applicant = await makeApplicant(server.strapi, home);
    const kase = await makeCase(server.strapi, home, applicant);
    const r = await cm('super', 'DELETE', `${APPLICANT}/${applicant.documentId}`);
    expect([r.status, r.body.error.message]).toEqual([409, 'Pemohon ini sudah memiliki kasus dan tidak dapat dihapus']);
    const stored = await server.strapi.db.query(CASE).findOne({ where: { id: kase.id }, populate: { applicant: true } });
    expect(stored.applicant.documentId).toBe(applicant.documentId);
  });

  test('a case without history and an applicant without cases can still be deleted', async () => {
    const home = (await loadPlaces(server.strapi)).home;
    const applicant = await makeApplicant(server.strapi, home);
    const kase = await makeCase(server.strapi, home, applicant);
    expect((await cm('super', 'DELETE', `${CASE}/${kase.documentId}`)).status).toBe(200);
    expect((await cm('super', 'DELETE', `${APPLICANT}/${applicant.documentId}`)).status).toBe(200);
  });
});

/**
 * Every content type the CMS lists, every draft action and a delete of a missing document, as
 * the super admin: never a server error. Types with drafts are asked about a document that does
 * not exist (nothing is unpublished); types without, about a stored one.
 */
test('no content-manager action on any content type answers 5xx', async () => {
  const res = await server.http('/content-manager/content-types', { token: tokens.super });
  const types: { uid: string; isDisplayed: boolean; kind: string; options?: { draftAndPublish?: boolean } }[] = ((await res.json()) as any).data;
  const collections = types.filter((t) => t.isDisplayed && t.kind === 'collectionType');
  expect(collections.length).toBeGreaterThan(10);
  const answers: string[] = [];
  for (const t of collections) {
    const list = await cm('super', 'GET', `${t.uid}?page=1&pageSize=1`);
    const stored = list.body?.results?.[0]?.documentId;
    const id = t.options?.draftAndPublish || !stored ? 'tidakada000000000000000' : stored;
    const calls: [string, string, unknown][] = [
      ['POST', `${t.uid}/${id}/actions/publish`, {}],
      ['POST', `${t.uid}/${id}/actions/unpublish`, {}],
      ['POST', `${t.uid}/${id}/actions/discard`, {}],
      ['POST', `${t.uid}/actions/bulkPublish`, { documentIds: [id] }],
      ['POST', `${t.uid}/actions/bulkUnpublish`, { documentIds: [id] }],
      ['GET', `${t.uid}/${id}/actions/countDraftRelations`, undefined],
      ['DELETE', `${t.uid}/tidakada000000000000000`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const r = await cm('super', method, path, body);
      answers.push(`${r.status} ${method} ${path.replace(id, ':id')}`);
      if (r.status >= 400) expect([path, typeof r.body?.error?.message]).toEqual([path, 'string']);
    }
  }
  expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
  const byStatus = answers.reduce<Record<string, number>>((n, a) => ({ ...n, [a.slice(0, 3)]: (n[a.slice(0, 3)] ?? 0) + 1 }), {});
  console.log(
    `CMS sweep: ${collections.length} content types × ${answers.length / collections.length} actions = ${answers.length} requests; answers ${Object.entries(byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
  );
});
