import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeBatch, makeCase, makeCaseEvent, makeComplaint, makeLetter, makeSurvey, type Place, type PlaceKey } from './fixtures';
import { logins } from './support';

/**
 * react-admin's own ra-data-simple-rest drives every resource of the staff API against the
 * real server: lists with sort, pagination and filters (Content-Range), getOne, getMany,
 * getManyReference, create, update (the whole record sent back) and delete.
 */

let server: TestServer;
let tokens: Record<string, string>;
let places: Record<PlaceKey, Place>;
const as = (username: string): DataProvider =>
  simpleRestProvider(`${server.url}/api/panel`, (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${tokens[username]}` } }),
  );

beforeAll(async () => {
  server = await startServer();
  tokens = await logins(server, ['magetan.petugas', 'magetan.admin', 'magetan.desa1', 'magetan.kabid']);
  places = await loadPlaces(server.strapi);
  // Every resource gets a few records of its own.
  const s = server.strapi;
  for (const place of [places.home, places.near]) {
    const batch = await makeBatch(s, place, 'open');
    const kase = await makeCase(s, place, await makeApplicant(s, place), batch);
    await makeCaseEvent(s, kase);
    await makeLetter(s, place, kase);
    await makeComplaint(s, place);
    await makeSurvey(s, place);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

/** Who reads each resource in these tests. */
const READERS: Record<string, string> = {
  applicants: 'magetan.petugas',
  cases: 'magetan.petugas',
  'case-events': 'magetan.petugas',
  batches: 'magetan.petugas',
  letters: 'magetan.petugas',
  complaints: 'magetan.petugas',
  'survey-responses': 'magetan.petugas',
  'service-standards': 'magetan.petugas',
  sops: 'magetan.petugas',
  offices: 'magetan.petugas',
  regions: 'magetan.petugas',
  users: 'magetan.admin',
  roles: 'magetan.admin',
};

describe.each(Object.entries(READERS))('%s through ra-data-simple-rest', (resource, reader) => {
  test('getList pages with Content-Range, getOne and getMany agree', async () => {
    const dp = as(reader);
    const all = await dp.getList(resource, { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(all.data.length).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThanOrEqual(all.data.length);
    for (const r of all.data) expect(typeof r.id).toBe('string');
    // Two pages of 2 are the first 4 of one page of 10, in order.
    const p1 = await dp.getList(resource, { pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const p2 = await dp.getList(resource, { pagination: { page: 2, perPage: 2 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect([...p1.data, ...p2.data].map((r) => r.id)).toEqual(all.data.slice(0, 4).map((r) => r.id));
    expect(p1.total).toBe(all.total);
    const one = await dp.getOne(resource, { id: all.data[0].id });
    for (const [k, v] of Object.entries(all.data[0])) expect(one.data[k]).toEqual(v);
    const ids = all.data.slice(0, 3).map((r) => r.id);
    const many = await dp.getMany(resource, { ids });
    expect(many.data.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});

test('sorting both ways, by the declared fields', async () => {
  const dp = as('magetan.petugas');
  for (const order of ['ASC', 'DESC'] as const) {
    const { data } = await dp.getList('cases', { pagination: { page: 1, perPage: 50 }, sort: { field: 'receivedAt', order }, filter: {} });
    const times = data.map((r) => Date.parse(r.receivedAt));
    const sorted = [...times].sort((a, b) => (order === 'ASC' ? a - b : b - a));
    expect(times).toEqual(sorted);
  }
  const names = (await dp.getList('applicants', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data.map((r) => r.name);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

test('filters: equality, lists, ranges, relation ids, text search, custom filters', async () => {
  const dp = as('magetan.petugas');
  const inProgress = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { status: 'in-progress' } });
  expect(inProgress.total).toBeGreaterThan(0);
  expect(inProgress.data.every((r) => r.status === 'in-progress')).toBe(true);
  const two = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { status: ['completed', 'returned'] } });
  expect(two.data.every((r) => ['completed', 'returned'].includes(r.status))).toBe(true);
  const since = new Date(Date.now() - 10 * 86400_000).toISOString();
  const recent = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'receivedAt', order: 'ASC' }, filter: { receivedAt_gte: since } });
  expect(recent.data.every((r) => r.receivedAt >= since)).toBe(true);
  const village = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: { villageCode: places.home.village } });
  expect(village.total).toBeGreaterThan(0);
  expect(village.data.every((r) => r.villageCode === places.home.village)).toBe(true);
  // Text search by part of a name and by the start of a NIK.
  const someone = (await dp.getList('applicants', { pagination: { page: 1, perPage: 1 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data[0];
  const byName = await dp.getList('applicants', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { q: someone.name.slice(1, -1).toLowerCase() } });
  expect(byName.data.map((r) => r.id)).toContain(someone.id);
  expect(byName.data.every((r) => r.name.toLowerCase().includes(someone.name.slice(1, -1).toLowerCase()))).toBe(true);
  const byNik = await dp.getList('applicants', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { q: someone.nik.slice(0, 8) } });
  expect(byNik.data.map((r) => r.id)).toContain(someone.id);
  expect(byNik.data.every((r) => r.nik.startsWith(someone.nik.slice(0, 8)))).toBe(true);
  const casesOfName = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { q: someone.name } });
  expect(casesOfName.data.every((r) => r.applicantLabel?.includes(someone.name))).toBe(true);
  // My queue: cases whose current activity is the petugas's.
  const queue = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { queue: 'mine' } });
  expect(queue.total).toBeGreaterThan(0);
  expect(queue.data.every((r) => String(r.queueRoles).includes('|petugas|'))).toBe(true);
  const overdue = await dp.getList('cases', { pagination: { page: 1, perPage: 100 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { overdue: true } });
  expect(overdue.data.every((r) => r.overdue === true)).toBe(true);
});

test('getManyReference: cases of an applicant, history of a case, villages of a district', async () => {
  const dp = as('magetan.petugas');
  const kase = (await dp.getList('cases', { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data[0];
  const ofApplicant = await dp.getManyReference('cases', { target: 'applicant', id: kase.applicant, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
  expect(ofApplicant.data.map((r) => r.id)).toContain(kase.id);
  expect(ofApplicant.data.every((r) => r.applicant === kase.applicant)).toBe(true);
  const history = await dp.getManyReference('case-events', { target: 'case', id: kase.id, pagination: { page: 1, perPage: 50 }, sort: { field: 'at', order: 'ASC' }, filter: {} });
  expect(history.total).toBeGreaterThan(0);
  expect(history.data.every((r) => r.case === kase.id && r.caseCode === kase.code)).toBe(true);
  const villages = await dp.getManyReference('regions', {
    target: 'parent',
    id: places.home.districtId,
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { level: 'village' },
  });
  expect(villages.total).toBeGreaterThan(1);
  expect(villages.data.every((r) => r.parentCode === places.home.district && r.parentLabel)).toBe(true);
});

test('relations come back as ids with a display label', async () => {
  const dp = as('magetan.petugas');
  const { data } = await dp.getList('cases', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
  for (const r of data) {
    const applicant = await dp.getOne('applicants', { id: r.applicant });
    expect(r.applicantLabel).toBe(applicant.data.name);
    expect(r.officeLabel).toBe('Dinas Sosial Kabupaten Magetan');
    expect(typeof r.service).toBe('string');
    expect(r.serviceLabel).toBeTruthy();
  }
});

test('create, update with the whole record (read-only fields ignored), delete', async () => {
  const desa = as('magetan.desa1');
  const created = await desa.create('applicants', {
    data: { nik: `${places.home.district.replace(/\./g, '')}4107950077`, name: 'Sumarni', sex: 'female', birthDate: '1995-07-01', villageCode: places.home.village, phone: '081234500077' },
  });
  expect(created.data).toMatchObject({ name: 'Sumarni', villageCode: places.home.village, districtCode: places.home.district, officeCode: 'magetan' });
  const updated = await desa.update('applicants', {
    id: created.data.id,
    previousData: created.data,
    data: { ...created.data, address: 'RT 001/RW 002', officeCode: 'tarakan', districtCode: '00.00.00', createdAt: '2000-01-01T00:00:00.000Z', villageLabel: 'x' },
  });
  expect(updated.data).toMatchObject({ id: created.data.id, address: 'RT 001/RW 002', officeCode: 'magetan', districtCode: places.home.district, createdAt: created.data.createdAt });

  const petugas = as('magetan.petugas');
  const standard = (await petugas.getList('service-standards', { pagination: { page: 1, perPage: 10 }, sort: { field: 'title', order: 'ASC' }, filter: { slug: 'magetan-pengusulan-pbi-d' } })).data[0];
  const kase = await desa.create('cases', { data: { applicant: created.data.id, service: standard.id } });
  expect(kase.data).toMatchObject({ applicant: created.data.id, applicantLabel: 'Sumarni', service: standard.id, status: 'in-progress', version: 1, villageCode: places.home.village });
  expect(kase.data.code).toMatch(/^MAG-\d{4}-\d{6}$/);
  expect(kase.data.queueRoles).toMatch(/^\|.+\|$/);
  expect(Array.isArray(kase.data.checklist)).toBe(true);
  const prioritized = await petugas.update('cases', { id: kase.data.id, previousData: kase.data, data: { ...kase.data, priority: 'emergency', status: 'completed', currentActivity: 99 } });
  expect(prioritized.data).toMatchObject({ priority: 'emergency', status: 'in-progress', currentActivity: kase.data.currentActivity, version: 2 });
  await expect(petugas.update('cases', { id: kase.data.id, previousData: kase.data, data: { ...kase.data, priority: 'regular' } })).rejects.toMatchObject({ status: 409 });

  const batch = await desa.create('batches', { data: { month: '2026-11', service: standard.id } });
  expect(batch.data).toMatchObject({ level: 'village', villageCode: places.home.village, status: 'open', serviceSlug: 'magetan-pengusulan-pbi-d' });
  const deleted = await desa.delete('batches', { id: batch.data.id, previousData: batch.data });
  expect(deleted.data.id).toBe(batch.data.id);
  await expect(desa.getOne('batches', { id: batch.data.id })).rejects.toMatchObject({ status: 404 });

  const letter = await petugas.create('letters', { data: { kind: 'reaktivasi', subject: 'Permohonan aktivasi', case: kase.data.id } });
  expect(letter.data).toMatchObject({ status: 'draft', case: kase.data.id, caseLabel: kase.data.code });
  // Every update names the version it was made on (optimistic locking), a bulk one too.
  const many = await petugas.updateMany('letters', { ids: [letter.data.id], data: { subject: 'Permohonan aktivasi PBI-D', version: letter.data.version } });
  expect(many.data).toEqual([letter.data.id]);
  const removed = await petugas.deleteMany('letters', { ids: [letter.data.id] });
  expect(removed.data).toEqual([letter.data.id]);

  const complaint = await petugas.create('complaints', { data: { channel: 'phone', text: 'Kartu belum aktif', reporterName: 'Budi' } });
  expect(complaint.data.trackingCode).toMatch(/^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  const replied = await as('magetan.kabid').update('complaints', { id: complaint.data.id, previousData: complaint.data, data: { ...complaint.data, reply: 'Sudah diproses' } });
  expect(replied.data).toMatchObject({ status: 'answered', reply: 'Sudah diproses' });
  expect(replied.data.repliedAt).toBeTruthy();

  const admin = as('magetan.admin');
  const roles = await admin.getList('roles', { pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
  expect(roles.total).toBe(9);
  const kecamatanRole = roles.data.find((r) => r.type === 'operator-kecamatan')!;
  const user = await admin.create('users', {
    data: {
      username: 'magetan.kecamatan3',
      email: 'kecamatan3@magetan.example.id',
      password: 'Sawah-Hijau-2026',
      fullName: 'Operator Kecamatan 3',
      role: kecamatanRole.id,
      region: places.near.districtId,
    },
  });
  expect(user.data).toMatchObject({ roleLabel: 'Operator Kecamatan', regionCode: places.near.district, officeCode: 'magetan' });
  expect(user.data.password).toBeUndefined();
  const renamed = await admin.update('users', { id: user.data.id, previousData: user.data, data: { ...user.data, fullName: 'Operator Kecamatan Tiga' } });
  expect(renamed.data.fullName).toBe('Operator Kecamatan Tiga');
  expect((await admin.delete('users', { id: user.data.id, previousData: user.data })).data.id).toBe(user.data.id);

  const office = (await admin.getList('offices', { pagination: { page: 1, perPage: 1 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data[0];
  const full = (await admin.getOne('offices', { id: office.id })).data;
  const settings = await admin.update('offices', { id: office.id, previousData: full, data: { ...full, phone: '(0351) 123456', sla: { ...full.sla, complaintReplyHours: 48 } } });
  expect(settings.data).toMatchObject({ phone: '(0351) 123456', sla: { complaintReplyHours: 48 } });
  expect(settings.data.calendar.holidays).toEqual(full.calendar.holidays);

  const sop = (await admin.getList('sops', { pagination: { page: 1, perPage: 1 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data[0];
  const sopFull = (await admin.getOne('sops', { id: sop.id })).data;
  const revised = await admin.update('sops', { id: sop.id, previousData: sopFull, data: { ...sopFull, revision: '02' } });
  expect(revised.data.revision).toBe('02');
  expect(revised.data.activities).toEqual(sopFull.activities);
  const std = (await admin.getList('service-standards', { pagination: { page: 1, perPage: 1 }, sort: { field: 'title', order: 'ASC' }, filter: {} })).data[0];
  expect((await admin.update('service-standards', { id: std.id, previousData: std, data: { ...std, fee: 'Gratis' } })).data.fee).toBe('Gratis');
});

test('errors reach react-admin as HttpErrors with the Indonesian message', async () => {
  const dp = as('magetan.petugas');
  await expect(dp.getList('cases', { pagination: { page: 1, perPage: 10 }, sort: { field: 'nik', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
    status: 400,
    message: expect.stringContaining('sort.nik'),
  });
  await expect(dp.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
    status: 403,
    message: expect.stringContaining('tidak berwenang'),
  });
  await expect(dp.delete('cases', { id: 'x' })).rejects.toMatchObject({ status: 405 });
});

// (CORS headers, Content-Range exposed among them, go only to the allowed origins:
// tests/security/auth-cors.test.ts. The panel's dev server proxies the API, same origin.)
test('Content-Range is sent; an origin not allowed gets no CORS headers', async () => {
  const res = await fetch(`${server.url}/api/panel/regions?range=${encodeURIComponent('[0,4]')}`, {
    headers: { Authorization: `Bearer ${tokens['magetan.petugas']}`, Origin: 'http://localhost:5173' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-range')).toMatch(/^regions 0-4\/\d+$/);
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
});
