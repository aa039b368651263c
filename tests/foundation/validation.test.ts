import { makeNik } from '../../cms/src/core/nik';
import { startServer, type TestServer } from '../helpers/strapi';

/**
 * Bad identity data is refused by the model itself with a 400 naming the field, whichever API
 * writes it: here the CMS's (content-manager), the staff API has its own tests.
 */
const APPLICANTS = '/content-manager/collection-types/api::applicant.applicant';
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  const login = await server.http('/admin/login', { method: 'POST', json: { email: 'admin@demo.layanan-pbi.id', password: 'Demo-PBI-2026!' } });
  token = ((await login.json()) as any).data.token;
});
afterAll(async () => {
  await server?.stop();
});

const VILLAGE = '35.20.06.2001';
const valid = () => ({ name: 'Sri Wahyuni', nik: makeNik('35.20.06', '1980-07-14', 'female', 12), sex: 'female', birthDate: '1980-07-14', villageCode: VILLAGE });

async function createApplicant(data: Record<string, unknown>) {
  const res = await server.http(APPLICANTS, { method: 'POST', token, json: data });
  return { status: res.status, body: (await res.json()) as any };
}

test('a valid applicant is stored with the codes of its village, district and office', async () => {
  const { status, body } = await createApplicant(valid());
  expect(status).toBe(201);
  expect(body.data).toMatchObject({ villageCode: VILLAGE, districtCode: '35.20.06', officeCode: 'magetan' });
});

test.each([
  ['not 16 digits', { nik: '35200654078000' }, 'nik', /16 digit/],
  ['letters', { nik: '35200654O7800012' }, 'nik', /16 digit/],
  ['a day that does not exist (31 June)', { nik: '3520067106800012', birthDate: undefined, sex: 'female' }, 'nik', /tanggal lahir/],
  ['month 13', { nik: '3520065413800012', birthDate: undefined }, 'nik', /tanggal lahir/],
  ['serial 0000', { nik: '3520065407800000' }, 'nik', /0000/],
  ['sex that disagrees with the NIK', { sex: 'male' }, 'sex', /Jenis kelamin/],
  ['birth date that disagrees with the NIK', { birthDate: '1980-07-15' }, 'birthDate', /Tanggal lahir/],
  ['a KK of 15 digits', { kkNumber: '352006140780001' }, 'kkNumber', /KK/],
])('NIK check: %s → 400 naming %s', async (_label, patch, field, message) => {
  const { status, body } = await createApplicant({ ...valid(), ...patch });
  expect(status).toBe(400);
  const errors = body.error.details.errors as { path: string[]; message: string }[];
  expect(errors.map((e) => e.path[0])).toContain(field);
  expect(errors.find((e) => e.path[0] === field)!.message).toMatch(message);
});

test('a missing required field is a 400 naming it', async () => {
  const { status, body } = await createApplicant({ ...valid(), name: undefined });
  expect(status).toBe(400);
  expect(body.error.details.errors.map((e: any) => e.path[0])).toContain('name');
});

test('an update is checked against the stored values and a bad one changes nothing', async () => {
  const created = await createApplicant({ ...valid(), nik: makeNik('35.20.06', '1975-02-03', 'male', 40), sex: 'male', birthDate: '1975-02-03', name: 'Slamet' });
  expect(created.status).toBe(201);
  const id = created.body.data.documentId;
  const res = await server.http(`${APPLICANTS}/${id}`, { method: 'PUT', token, json: { sex: 'female' } });
  expect(res.status).toBe(400);
  const stored = await server.strapi.db.query('api::applicant.applicant').findOne({ where: { documentId: id } });
  expect(stored.sex).toBe('male');
});

test('a village outside every office is refused', async () => {
  const { status, body } = await createApplicant({ ...valid(), villageCode: '11.01.01.2001' });
  expect(status).toBe(400);
  expect(body.error.details.errors[0].path).toEqual(['villageCode']);
});
