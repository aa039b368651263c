/**
 * Issue 19, defect 13 over HTTP against the real server: a village operator can't learn that a
 * NIK is registered in another area of the office. Every probe short of a complete, valid
 * registration in its own village answers exactly as for an unknown NIK (status, message,
 * field, and about the same time); the complete registration of a NIK the office already has
 * is refused as a duplicate, saying no more than that — through opening a case, creating or
 * editing an applicant, and a Form 35 import.
 */
import { makeNik } from '../../cms/src/core/nik';
import { csvOf, finished, importFile, people, reportOf, rowOf, SERVICE, upload } from '../bulk/support';
import { Logins, type Reply, type Staff } from '../engine/helpers';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, type Place, type PlaceKey } from '../staff-api/fixtures';

let server: TestServer;
let places: Record<PlaceKey, Place>;
let desa1: Staff;
/** Registered in another district of the office (desa3's village): outside desa1's area. */
let elsewhere: any;
let serial = 3000 + Math.floor(Math.random() * 3000);

beforeAll(async () => {
  server = await startServer();
  places = await loadPlaces(server.strapi);
  desa1 = await new Logins(server).as('magetan.desa1');
  elsewhere = await makeApplicant(server.strapi, places.near);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

/** A NIK nobody has, of the same shape as the registered one (district, birth date, sex). */
const unknownNik = () => makeNik(places.near.district, elsewhere.birthDate, elsewhere.sex, 9000 + (serial += 1));
/** What a client can tell apart in an answer. */
const visible = (r: Reply) => ({
  status: r.status,
  message: r.body?.message ?? r.body?.error?.message,
  field: r.body?.error?.details?.field ?? null,
  paths: (r.body?.error?.details?.errors ?? []).map((e: any) => e.path?.join('.')),
});
const person = (nik: string, villageCode: string, extra: Record<string, unknown> = {}) => ({
  nik,
  name: `Warga Uji ${serial}`,
  sex: elsewhere.sex,
  birthDate: elsewhere.birthDate,
  villageCode,
  ...extra,
});
const applicantsWith = (nik: string) => server.strapi.db.query('api::applicant.applicant').count({ where: { nik, officeCode: 'magetan' } });
const open = (applicant: unknown) => desa1.post('/api/panel/cases/open', { service: SERVICE, applicant });
const createApplicant = (body: unknown) => desa1.post('/api/panel/applicants', body);

describe('opening a case (POST /api/panel/cases/open)', () => {
  test('a NIK registered elsewhere answers as an unknown one: NIK alone, a village outside the area, an id', async () => {
    expect(visible(await open({ nik: elsewhere.nik }))).toEqual(visible(await open({ nik: unknownNik() })));
    const outside = places.near.village;
    expect(visible(await open(person(elsewhere.nik, outside)))).toEqual(visible(await open(person(unknownNik(), outside))));
    expect(visible(await open(elsewhere.documentId))).toEqual(visible(await open('tidakadapemohonini0000000')));
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
  });

  test('about as fast either way (median of 9 alternating probes each)', async () => {
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 9; i += 1) {
      for (const which of ['known', 'unknown'] as const) {
        const t0 = performance.now();
        await open({ nik: which === 'known' ? elsewhere.nik : unknownNik() });
        times[which].push(performance.now() - t0);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`case open probe: registered elsewhere ${median(times.known).toFixed(1)} ms, unknown ${median(times.unknown).toFixed(1)} ms (medians of 9)`);
    expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(100);
  });

  test('a complete registration in its own village: an unknown NIK opens a case, a registered one is a duplicate saying only that', async () => {
    const fresh = await open(person(unknownNik(), places.home.village));
    expect(fresh.status).toBe(201);
    const before = await server.strapi.db.query('api::case.case').count({});
    const dup = await open(person(elsewhere.nik, places.home.village));
    expect(visible(dup)).toMatchObject({ status: 409, field: 'applicant.nik', message: 'NIK ini sudah terdaftar sebagai pemohon di kantor ini' });
    expect(JSON.stringify(dup.body)).not.toContain(places.near.village);
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
    expect(await server.strapi.db.query('api::case.case').count({})).toBe(before);
  });
});

describe('creating and editing an applicant (POST/PUT /api/panel/applicants)', () => {
  test('every incomplete or out-of-area registration answers alike for a registered and an unknown NIK', async () => {
    const cases: [string, (nik: string) => unknown][] = [
      ['village outside the area', (nik) => person(nik, places.near.village)],
      ['name missing', (nik) => ({ ...person(nik, places.home.village), name: undefined })],
      ['birth date against the NIK', (nik) => person(nik, places.home.village, { birthDate: '1999-12-31' })],
      ['sex against the NIK', (nik) => person(nik, places.home.village, { sex: elsewhere.sex === 'male' ? 'female' : 'male' })],
    ];
    for (const [what, body] of cases) {
      const known = visible(await createApplicant(body(elsewhere.nik)));
      const unknown = visible(await createApplicant(body(unknownNik())));
      expect({ what, ...known }).toEqual({ what, ...unknown });
      expect(known.status).toBeGreaterThanOrEqual(400);
    }
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
  });

  test('the complete registration in its own village: created for an unknown NIK, a duplicate for a registered one', async () => {
    const nik = unknownNik();
    expect((await createApplicant(person(nik, places.home.village))).status).toBe(201);
    const dup = await createApplicant(person(elsewhere.nik, places.home.village));
    expect(visible(dup)).toMatchObject({ status: 409, field: 'nik', message: 'NIK ini sudah terdaftar sebagai pemohon di kantor ini' });
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
  });

  test('an edit of one of its own applicants: the NIK conflict only when the rest of the edit would pass', async () => {
    const mine = await makeApplicant(server.strapi, places.home);
    const current = (await desa1.get(`/api/panel/applicants/${mine.documentId}`)).body;
    const put = (changes: Record<string, unknown>) => desa1.call('PUT', `/api/panel/applicants/${mine.documentId}`, { ...current, ...changes });
    const same = async (changes: (nik: string) => Record<string, unknown>) => {
      const known = visible(await put(changes(elsewhere.nik)));
      const unknown = visible(await put(changes(unknownNik())));
      expect(known).toEqual(unknown);
      return known;
    };
    expect((await same((nik) => ({ nik, sex: elsewhere.sex, birthDate: '1999-12-31' }))).status).toBe(400);
    expect((await same((nik) => ({ nik, sex: elsewhere.sex, birthDate: elsewhere.birthDate, villageCode: places.near.village }))).status).toBe(403);
    const dup = await put({ nik: elsewhere.nik, sex: elsewhere.sex, birthDate: elsewhere.birthDate });
    expect(visible(dup)).toMatchObject({ status: 409, field: 'nik' });
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
  });
});

describe('Form 35 import', () => {
  test('a dry run says the same of a NIK registered elsewhere as of an unknown one; the import refuses it as a duplicate only', async () => {
    const [template] = people(1, places.home.village);
    const registered = { ...template, nik: elsewhere.nik, sex: elsewhere.sex === 'female' ? ('P' as const) : ('L' as const), birthDate: elsewhere.birthDate };
    const fresh = { ...registered, nik: unknownNik(), name: 'WARGA UJI BARU' };
    const file = (p: typeof registered) => ({ name: 'form35.csv', bytes: csvOf([rowOf(p, 0)]) });
    const dry = async (p: typeof registered) => {
      const job = await importFile(desa1, file(p), { kind: 'form35', service: SERVICE, dryRun: 'true' });
      return { status: job.status, valid: job.rowsValid, problems: await reportOf(desa1, job.id) };
    };
    const known = await dry(registered);
    expect(known).toEqual(await dry(fresh));
    expect(known).toMatchObject({ status: 'succeeded', valid: 1, problems: [] });
    const real = await upload(desa1, file(registered), { kind: 'form35', service: SERVICE });
    const job = await finished(desa1, real.body.id);
    expect(await reportOf(desa1, job.id)).toEqual([expect.objectContaining({ field: 'NIK', problem: 'NIK ini sudah terdaftar sebagai pemohon di kantor ini' })]);
    expect(await applicantsWith(elsewhere.nik)).toBe(1);
  });
});
