/**
 * The many-to-one relations of applicants, cases and case events are columns of the row
 * ("useJoinTable": false). Strapi's document service leaves their documentIds alone, so a
 * document middleware turns them into row ids; and a database from before the change gets its
 * link rows moved into the columns by a migration before Strapi drops the link tables.
 */
import path from 'path';
import { installAppendOnlyGuards } from '../../cms/src/platform/append-only';
import { startServer, type TestServer } from '../helpers/strapi';

const MIGRATION = path.resolve(__dirname, '../../cms/database/migrations/2026.11.24T00.00.00.relations-on-rows.js');
const ACTOR_MIGRATION = path.resolve(__dirname, '../../cms/database/migrations/2026.11.24T12.00.00.event-actor-on-row.js');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const knex = () => server.strapi.db.connection;

test('the document service takes a documentId (string, set or connect) for a relation stored on the row', async () => {
  const village = await knex()('regions').where({ level: 'village' }).whereLike('code', '63.72.02.%').first('id', 'document_id', 'code');
  const office = await knex()('offices').where({ code: 'banjarbaru' }).first('id');
  const docs = server.strapi.documents('api::applicant.applicant' as any);
  const nik = `637202150890${String(Date.now()).slice(-4)}`;
  const created: any = await docs.create({ data: { nik, name: 'Relasi Baris', sex: 'male', birthDate: '1990-08-15', village: { set: [{ documentId: village.document_id }] } } as any });
  const row = await knex()('applicants').where({ document_id: created.documentId }).first('village_id', 'office_id', 'village_code');
  expect(row).toEqual({ village_id: village.id, office_id: office.id, village_code: village.code });
  const populated: any = await docs.findOne({ documentId: created.documentId, populate: ['village', 'office'] } as any);
  expect([populated.village.documentId, populated.office.id]).toEqual([village.document_id, office.id]);

  await expect(docs.update({ documentId: created.documentId, data: { office: 'tidakadadokumenini00000' } } as any)).rejects.toThrow(/office: data terkait tidak ditemukan/);
  await docs.update({ documentId: created.documentId, data: { office: { connect: [{ documentId: populated.office.documentId }] } } } as any);
  expect(await knex()('applicants').where({ document_id: created.documentId }).first('office_id')).toEqual({ office_id: office.id });
});

test('the upgrade migration moves link rows into the columns, history included, and changes nothing else', async () => {
  const k = knex();
  const c = await k('cases').whereNotNull('applicant_id').first('id', 'applicant_id', 'office_id');
  const e = await k('case_events').whereNotNull('case_id').first('id', 'case_id');
  const other = await k('applicants').whereNot('id', c.applicant_id).first('id');
  // A database from before: link tables beside the columns, the case's applicant only in its link.
  await k.schema.createTable('cases_applicant_lnk', (t) => {
    t.increments('id');
    t.integer('case_id');
    t.integer('applicant_id');
  });
  await k.schema.createTable('case_events_case_lnk', (t) => {
    t.increments('id');
    t.integer('case_event_id');
    t.integer('case_id');
  });
  try {
    await k('cases').where({ id: c.id }).update({ applicant_id: null });
    await k('cases_applicant_lnk').insert({ case_id: c.id, applicant_id: other.id });
    // The event keeps its case (history can't be changed back), but its update must get through the guard.
    await k('case_events_case_lnk').insert({ case_event_id: e.id, case_id: e.case_id });
    const before = await k('cases').whereNot('id', c.id).orderBy('id').select('id', 'applicant_id', 'office_id');
    await k.transaction((trx) => require(MIGRATION).up(trx));
    expect(await k('cases').where({ id: c.id }).first('applicant_id', 'office_id')).toEqual({ applicant_id: other.id, office_id: c.office_id });
    expect(await k('case_events').where({ id: e.id }).first('case_id')).toEqual({ case_id: e.case_id });
    expect(await k('cases').whereNot('id', c.id).orderBy('id').select('id', 'applicant_id', 'office_id')).toEqual(before);
  } finally {
    await installAppendOnlyGuards(server.strapi);
    await k.schema.dropTableIfExists('cases_applicant_lnk');
    await k.schema.dropTableIfExists('case_events_case_lnk');
    await k('cases').where({ id: c.id }).update({ applicant_id: c.applicant_id });
  }
  // The history is guarded again.
  // (A knex query as a real promise: jest's rejects misses a failing SQLite query builder.)
  const update = await k('case_events')
    .where({ id: e.id })
    .update({ case_id: e.case_id })
    .then(
      () => 'updated',
      (err: Error) => err.message,
    );
  expect(update).toMatch(/Riwayat kasus tidak dapat diubah/);
});

test("the actor migration moves an event's actor link into its column; the history guard lets through only the foreign key clearing it", async () => {
  const k = knex();
  const c = await k('cases').whereNotNull('applicant_id').first('id', 'code', 'office_code');
  const [actor, other] = await k('up_users').orderBy('id').limit(2).select('id');
  const events = server.strapi.db.query('api::case-event.case-event');
  const written = await events.create({
    data: { case: c.id, caseCode: c.code, officeCode: c.office_code, actor: actor.id, actorName: 'Petugas Uji', role: 'petugas', action: 'note', at: new Date() },
  });
  expect(await k('case_events').where({ id: written.id }).first('actor_id')).toEqual({ actor_id: actor.id });
  // (Knex queries as real promises: jest's rejects misses a failing SQLite query builder.)
  const attempt = (q: any) =>
    q.then(
      () => 'updated',
      (err: Error) => err.message,
    );
  expect(await attempt(k('case_events').where({ id: written.id }).update({ actor_id: other.id }))).toMatch(/Riwayat kasus tidak dapat diubah/);
  expect(await attempt(k('case_events').where({ id: written.id }).update({ actor_id: null, note: 'diubah' }))).toMatch(/Riwayat kasus tidak dapat diubah/);
  // Clearing the actor alone: on PostgreSQL only the foreign key may (an account deleted:
  // engine/history.test.ts); SQLite can't tell who clears it.
  const clear = await attempt(k('case_events').where({ id: written.id }).update({ actor_id: null }));
  expect(clear).toMatch(server.strapi.db.dialect.client === 'postgres' ? /Riwayat kasus tidak dapat diubah/ : /^updated$/);
  expect(await attempt(k('case_events').where({ id: written.id }).update({ actor_id: actor.id }))).toMatch(/Riwayat kasus tidak dapat diubah/);

  // A database from before: the actor in a link table only (another account than the row says).
  await k.schema.createTable('case_events_actor_lnk', (t) => {
    t.increments('id');
    t.integer('case_event_id');
    t.integer('user_id');
  });
  try {
    await k('case_events_actor_lnk').insert({ case_event_id: written.id, user_id: other.id });
    const before = await k('case_events').whereNot('id', written.id).orderBy('id').select('id', 'actor_id', 'case_id');
    await k.transaction((trx) => require(ACTOR_MIGRATION).up(trx));
    expect(await k('case_events').where({ id: written.id }).first('actor_id', 'note')).toEqual({ actor_id: other.id, note: null });
    expect(await k('case_events').whereNot('id', written.id).orderBy('id').select('id', 'actor_id', 'case_id')).toEqual(before);
  } finally {
    await installAppendOnlyGuards(server.strapi);
    await k.schema.dropTableIfExists('case_events_actor_lnk');
  }
  expect(await attempt(k('case_events').where({ id: written.id }).update({ note: 'diubah' }))).toMatch(/Riwayat kasus tidak dapat diubah/);
});

test('clone, connect, disconnect and unreadable inputs of a relation on the row', async () => {
  const [v1, v2] = await knex()('regions').where({ level: 'village' }).whereLike('code', '63.72.02.%').orderBy('code').limit(2).select('id', 'document_id');
  const offices = await knex()('offices').orderBy('id').select('id', 'document_id', 'code');
  const docs = server.strapi.documents('api::applicant.applicant' as any);
  const nik = `637202150891${String(Date.now()).slice(-4)}`;
  const created: any = await docs.create({ data: { nik, name: 'Relasi Klon', sex: 'male', birthDate: '1991-08-15', village: v1.document_id } as any });
  const rowOf = (documentId: string) => knex()('applicants').where({ document_id: documentId }).first('village_id', 'office_id');
  // A clone takes the relation given with it, not the original's.
  const cloned: any = await (docs as any).clone({ documentId: created.documentId, data: { nik: `${nik.slice(0, 12)}9999`, village: { connect: [{ documentId: v2.document_id }], disconnect: [] } } });
  const clonedId = cloned.documentId ?? cloned.entries?.[0]?.documentId;
  expect((await rowOf(clonedId)).village_id).toBe(v2.id);
  expect((await rowOf(created.documentId)).village_id).toBe(v1.id);
  // Disconnecting another record than the current one changes nothing; the current one clears it.
  const other = offices.find((o: any) => o.id !== (offices.find((x: any) => x.code === 'banjarbaru') as any).id)!;
  const before = await rowOf(created.documentId);
  await docs.update({ documentId: created.documentId, data: { office: { disconnect: [{ documentId: other.document_id }] } } } as any);
  expect(await rowOf(created.documentId)).toEqual(before);
  await docs.update({ documentId: created.documentId, data: { office: { disconnect: [{ id: before.office_id }] } } } as any);
  expect((await rowOf(created.documentId)).office_id).toBeNull();
  // An input that names nothing it can read is refused with the field, not dropped.
  await expect(docs.update({ documentId: created.documentId, data: { office: { id: 'x' } } } as any)).rejects.toThrow(/office: rujukan data terkait tidak dikenali/);
});
