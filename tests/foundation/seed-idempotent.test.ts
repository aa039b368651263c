import { startServer, type TestServer } from '../helpers/strapi';

/** Seeding again (every start does) changes nothing: same rows, same content. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function snapshot(): Promise<Record<string, unknown>> {
  const knex = server.strapi.db.connection;
  const tables = ['offices', 'regions', 'service_standards', 'sops', 'applicants', 'cases', 'case_events', 'up_users', 'up_roles', 'components_sop_activities'];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const rows = await knex(t).select('*').orderBy('id');
    out[t] = rows.map(({ updated_at, created_at, ...rest }: any) => rest);
  }
  return out;
}

test('seeding twice changes nothing', async () => {
  const before = await snapshot();
  expect((before.cases as unknown[]).length).toBeGreaterThan(50);
  const { seedAll } = require('../../cms/dist/src/seed');
  const summary = await seedAll(server.strapi, { demo: true });
  expect(summary.createdDocuments).toBe(0);
  expect(await snapshot()).toEqual(before);
});

test("an office's edit in the CMS survives the next seeding", async () => {
  const std = await server.strapi.documents('api::service-standard.service-standard').findFirst({ filters: { slug: 'magetan-reaktivasi-kartu-jkn-kis' }, status: 'published' });
  await server.strapi.documents('api::service-standard.service-standard').update({ documentId: std.documentId, data: { fee: 'Gratis (diubah oleh admin)' } });
  await server.strapi.documents('api::service-standard.service-standard').publish({ documentId: std.documentId });
  const { seedAll } = require('../../cms/dist/src/seed');
  await seedAll(server.strapi, { demo: true });
  const after = await server.strapi.documents('api::service-standard.service-standard').findFirst({ filters: { slug: 'magetan-reaktivasi-kartu-jkn-kis' }, status: 'published' });
  expect(after.fee).toBe('Gratis (diubah oleh admin)');
});

test('the demo population: valid NIKs in real villages, cases at every activity of every SOP', async () => {
  const knex = server.strapi.db.connection;
  const { checkIdentity } = require('../../cms/dist/src/core/nik');
  const applicants = await knex('applicants').select('nik', 'kk_number as kkNumber', 'sex', 'birth_date as birthDate', 'village_code as villageCode');
  const villages = new Set((await knex('regions').where('level', 'village').select('code')).map((r: any) => r.code));
  for (const a of applicants) {
    const birthDate = a.birthDate instanceof Date ? a.birthDate.toISOString().slice(0, 10) : String(a.birthDate).slice(0, 10);
    expect(checkIdentity({ ...a, birthDate })).toEqual([]);
    expect(villages.has(a.villageCode)).toBe(true);
  }
  const sops = await server.strapi.documents('api::sop.sop').findMany({ status: 'published', populate: { activities: true } });
  const standards = await server.strapi.documents('api::service-standard.service-standard').findMany({ status: 'published', populate: { sop: true } });
  for (const std of standards) {
    const sop = sops.find((s: any) => s.documentId === std.sop.documentId)!;
    const at = new Set((await knex('cases').where('service_slug', std.slug).select('current_activity')).map((r: any) => r.current_activity));
    for (const a of sop.activities) expect([std.slug, a.number, at.has(a.number)]).toEqual([std.slug, a.number, true]);
  }
  const statuses = new Set((await knex('cases').distinct('status')).map((r: any) => r.status));
  expect([...statuses].sort()).toEqual(['completed', 'in-progress', 'returned']);
});
