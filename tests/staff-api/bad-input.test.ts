import { startServer, type TestServer } from '../helpers/strapi';
import { call, listQuery, login } from './support';

/**
 * Bad input to the staff API: each is a 400 (404 for ids that name nothing) with a message
 * naming the parameter or field, never a 500, and nothing is changed.
 */

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await login(server, 'magetan.petugas');
});
afterAll(async () => {
  await server?.stop();
});

const raw = (path: string) => call(server, 'GET', path, token);
const enc = encodeURIComponent;

async function expectBad(path: string, field: string) {
  const r = await raw(path);
  expect({ path, status: r.status }).toEqual({ path, status: 400 });
  expect(r.body.message).toEqual(expect.stringContaining(field));
  expect(r.body.error.details.field).toBe(field);
}

test.each([
  ['sort', `/cases?sort=${enc('["dueAt","ASC"')}`],
  ['sort', `/cases?sort=${enc('dueAt')}`],
  ['range', `/cases?range=${enc('[0,24')}`],
  ['range', `/cases?range=${enc('zero')}`],
  ['filter', `/cases?filter=${enc('{status:"open"}')}`],
  ['filter', `/cases?filter=${enc("{'status':'open'}")}`],
  ['filter', `/cases?filter=${enc('{"status":"in-progress"')}`],
])('malformed JSON in %s: %s', async (field, path) => {
  await expectBad(path, field);
});

test.each([
  ['sort', { sort: 'dueAt' }],
  ['sort', { sort: ['dueAt'] }],
  ['sort', { sort: ['dueAt', 'ASC', 'x'] }],
  ['sort', { sort: [1, 'ASC'] }],
  ['sort', { sort: ['dueAt', 'UP'] }],
  ['sort.nik', { sort: ['nik', 'ASC'] }],
  ['sort.__proto__', { sort: ['__proto__', 'ASC'] }],
  ['sort.due_at; drop table cases', { sort: ['due_at; drop table cases', 'ASC'] }],
  ['range', { range: [-1, 10] }],
  ['range', { range: [0, -10] }],
  ['range', { range: [10, 5] }],
  ['range', { range: [0.5, 10] }],
  ['range', { range: ['0', '10'] }],
  ['range', { range: [0] }],
  ['range', { range: { from: 0, to: 10 } }],
  ['range', { range: [0, 1e300] }],
  ['range', { range: [20_000_000, 20_000_010] }],
  ['filter', { filter: [] }],
  ['filter', { filter: 'in-progress' }],
  ['filter', { filter: 5 }],
])('wrong shape of %s: %j', async (field, params) => {
  await expectBad(`/cases${listQuery(params)}`, field);
});

test.each([
  ['filter.nik', { nik: '3520' }],
  ['filter.$or', { $or: [{ status: 'completed' }, { officeCode: 'tarakan' }] }],
  ['filter.__proto__', JSON.parse('{"__proto__": {"officeCode": "tarakan"}}')],
  ['filter.constructor', { constructor: 'x' }],
  ['filter.officeCode', { officeCode: 'tarakan' }],
  ['filter.office_code', { office_code: 'tarakan' }],
  ['filter.status', { status: { $ne: 'completed' } }],
  ['filter.status', { status: { $in: ['completed'] } }],
  ['filter.status', { status: "in-progress' or '1'='1" }],
  ['filter.status', { status: 5 }],
  ['filter.status', { status: [['in-progress']] }],
  ['filter.id', { id: '1 or 1=1' }],
  ['filter.id', { id: [{ $gt: '' }] }],
  ['filter.id', { id: 5 }],
  ['filter.currentActivity', { currentActivity: '1 or 1=1' }],
  ['filter.currentActivity', { currentActivity: true }],
  ['filter.receivedAt_gte', { receivedAt_gte: 'yesterday' }],
  ['filter.receivedAt_gte', { receivedAt_gte: "2026-01-01' or '1'='1" }],
  ['filter.receivedAt_gte', { receivedAt_gte: { $lt: '2026-01-01' } }],
  ['filter.dueAt_ne', { dueAt_ne: '2026-01-01' }],
  ['filter.status_gte', { status_gte: 'a' }],
  ['filter.applicant', { applicant: { name: 'x' } }],
  ['filter.applicant', { applicant: "x' or 1=1 --" }],
  ['filter.queue', { queue: 'others' }],
  ['filter.overdue', { overdue: 'yes' }],
  ['filter.q', { q: 'ab' }],
  ['filter.q', { q: 'x'.repeat(101) }],
  ['filter.q', { q: { $regex: '.*' } }],
])('unknown fields, smuggled operators and wrong types in filter: %s %j', async (field, filter) => {
  await expectBad(`/cases${listQuery({ filter })}`, field);
});

test('other query parameters, repeated or nested ones, are refused', async () => {
  await expectBad('/cases?limit=5', 'limit');
  await expectBad(`/cases?embed=${enc('["applicant"]')}`, 'embed');
  await expectBad('/cases?sort=a&sort=b', 'sort');
  await expectBad('/cases?filter[status]=completed', 'filter');
  await expectBad(`/cases?populate=*`, 'populate');
});

test('huge ranges are cut to the page limit, not refused', async () => {
  const r = await raw(`/regions${listQuery({ range: [0, 1e12] })}`);
  expect(r.status).toBe(200);
  const [, from, to, total] = /^regions (\d+)-(\d+)\/(\d+)$/.exec(r.headers.get('content-range')!)!.map(Number);
  expect(from).toBe(0);
  expect(to - from + 1).toBe(r.body.length);
  expect(r.body.length).toBeLessThanOrEqual(1000);
  expect(total).toBeGreaterThanOrEqual(r.body.length);
  const beyond = await raw(`/regions${listQuery({ range: [100000, 100009] })}`);
  expect(beyond.status).toBe(200);
  expect(beyond.body).toEqual([]);
  expect(beyond.headers.get('content-range')).toBe(`regions */${total}`);
});

test('text search is data, not SQL or a pattern', async () => {
  const before = await server.strapi.db.connection('cases').count({ n: '*' });
  for (const q of ["'; drop table cases; --", '%%%', '___', '\\\\\\', "Robert'); DELETE FROM applicants;--"]) {
    const r = await raw(`/applicants${listQuery({ filter: { q }, range: [0, 9] })}`);
    expect({ q, status: r.status, rows: r.body.length }).toEqual({ q, status: 200, rows: 0 });
    const c = await raw(`/cases${listQuery({ filter: { q }, range: [0, 9] })}`);
    expect({ q, status: c.status, rows: c.body.length }).toEqual({ q, status: 200, rows: 0 });
  }
  expect(await server.strapi.db.connection('cases').count({ n: '*' })).toEqual(before);
});

test('ids that name nothing are 404, whatever they contain', async () => {
  for (const id of ['doesnotexist000000000000', "1' or '1'='1", '..%2F..%2Fetc', '%00', 'x'.repeat(300)]) {
    const r = await raw(`/cases/${id}`);
    expect({ id, status: r.status }).toEqual({ id, status: 404 });
    expect(r.body.message).toBeTruthy();
  }
});

describe('bodies of writes', () => {
  let desa: string;
  let applicant: any;
  beforeAll(async () => {
    desa = await login(server, 'magetan.desa1');
    const me = await call(server, 'GET', '/me', desa);
    const r = await call(server, 'POST', '/applicants', desa, {
      nik: `${me.body.region.code.slice(0, 8).replace(/\./g, '')}0101800001`,
      name: 'Pemohon Uji',
      sex: 'male',
      birthDate: '1980-01-01',
      villageCode: me.body.region.code,
    });
    expect(r.status).toBe(201);
    applicant = r.body;
  });

  const post = (json: unknown) => call(server, 'POST', '/applicants', desa, json);
  const put = (json: unknown) => call(server, 'PUT', `/applicants/${applicant.id}`, desa, json);

  test.each([
    ['nik', { nik: '123', name: 'A', villageCode: '35.20.06.1002' }],
    ['nik', { nik: 3520060101800002, name: 'A', villageCode: '35.20.06.1002' }],
    ['name', { nik: '3520060101800002', villageCode: '35.20.06.1002' }],
    ['name', { nik: '3520060101800002', name: { $ne: null }, villageCode: '35.20.06.1002' }],
    ['sex', { nik: '3520060101800002', name: 'A', sex: 'x', villageCode: '35.20.06.1002' }],
    ['birthDate', { nik: '3520060101800002', name: 'A', birthDate: '01-01-1980', villageCode: '35.20.06.1002' }],
    ['welfareDecile', { nik: '3520060101800002', name: 'A', welfareDecile: 11, villageCode: '35.20.06.1002' }],
    ['welfareDecile', { nik: '3520060101800002', name: 'A', welfareDecile: '3 or 1=1', villageCode: '35.20.06.1002' }],
    ['phone', { nik: '3520060101800002', name: 'A', phone: '12345', villageCode: '35.20.06.1002' }],
    ['village', { nik: '3520060101800002', name: 'A', village: "x' or '1'='1" }],
    ['village', { nik: '3520060101800002', name: 'A', village: 'doesnotexist000000000000' }],
    ['officeId', { nik: '3520060101800002', name: 'A', villageCode: '35.20.06.1002', officeId: 1 }],
    ['body', ['nik']],
  ])('create refused naming %s', async (field, body) => {
    const r = await post(body);
    expect({ status: r.status, field: r.body.error?.details?.field }).toEqual({ status: 400, field });
    expect(r.body.message).toEqual(expect.stringContaining(field === 'body' ? 'body' : field));
  });

  test('identity that disagrees (NIK vs birth date) is refused by the identity rules, naming the field', async () => {
    const r = await post({ nik: '3520060101800003', name: 'A', sex: 'male', birthDate: '1990-05-05', villageCode: applicant.villageCode });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/NIK|tanggal/i);
  });

  test('update refused for bad values, and nothing changes', async () => {
    for (const [field, change] of [
      ['phone', { phone: 'abc' }],
      ['nik', { nik: '1' }],
      ['bogus', { bogus: 1 }],
      ['membership', { membership: 'gold' }],
    ] as const) {
      const r = await put({ ...applicant, ...change });
      expect({ field, status: r.status, named: r.body.error?.details?.field }).toEqual({ field, status: 400, named: field });
    }
    const now = await call(server, 'GET', `/applicants/${applicant.id}`, desa);
    expect(now.body).toEqual(applicant);
  });

  test('malformed JSON in the body, or a prototype key in it, is a 400 from the body parser', async () => {
    for (const body of ['{"nik": "35', '{"nik": "3520060101800002", "name": "A", "__proto__": {"officeCode": "tarakan"}}']) {
      const res = await server.http('/api/panel/applicants', { method: 'POST', token: desa, headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(400);
    }
  });
});
