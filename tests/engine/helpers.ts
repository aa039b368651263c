/**
 * Helpers of the case-engine suites: demo logins (the staff login POST /api/panel/login, one
 * per user per file), JSON calls, new applicants.
 */
import { makeNik } from '../../cms/src/core/nik';
import { startServer, type TestServer } from '../helpers/strapi';

export const DEMO_PASSWORD = 'Demo-PBI-2026!';

export interface Reply<T = any> {
  status: number;
  body: T;
}

export class Staff {
  constructor(
    readonly server: TestServer,
    readonly username: string,
    readonly token: string,
    readonly user: any,
  ) {}

  async call<T = any>(method: string, path: string, json?: unknown): Promise<Reply<T>> {
    const res = await this.server.http(path, { method, token: this.token, json });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  get = <T = any>(path: string) => this.call<T>('GET', path);
  post = <T = any>(path: string, json?: unknown) => this.call<T>('POST', path, json ?? {});

  /** Takes an action at the case's current version; returns the reply (data = { case, actions }). */
  async act(caseId: string, action: string, body: Record<string, unknown> = {}, version?: number): Promise<Reply> {
    const v = version ?? (await this.get(`/api/panel/cases/${caseId}/actions`)).body?.data?.case?.version;
    return this.post(`/api/panel/cases/${caseId}/actions/${action}`, { version: v, ...body });
  }

  /** Like act, but fails the test with the server's message unless it succeeds. */
  async ok(caseId: string, action: string, body: Record<string, unknown> = {}): Promise<any> {
    const r = await this.act(caseId, action, body);
    if (r.status !== 200) throw new Error(`${this.username} ${action} on ${caseId}: ${r.status} ${JSON.stringify(r.body?.error ?? r.body)}`);
    return r.body.data;
  }

  /** Multipart upload to the attach action (the browser's way: FormData with a file). */
  async upload(caseId: string, file: { name: string; type: string; bytes: Uint8Array }, fields: Record<string, string> = {}, version?: number): Promise<Reply> {
    const v = version ?? (await this.view(caseId)).case.version;
    const form = new FormData();
    form.set('version', String(v));
    for (const [k, val] of Object.entries(fields)) form.set(k, val);
    form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = await this.server.http(`/api/panel/cases/${caseId}/actions/attach`, { method: 'POST', token: this.token, body: form });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async view(caseId: string): Promise<any> {
    const r = await this.get(`/api/panel/cases/${caseId}/actions`);
    if (r.status !== 200) throw new Error(`${this.username} view ${caseId}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data;
  }
}

export class Logins {
  private cache = new Map<string, Staff>();
  constructor(readonly server: TestServer) {}

  async as(username: string): Promise<Staff> {
    const hit = this.cache.get(username);
    if (hit) return hit;
    const res = await this.server.http('/api/panel/login', { method: 'POST', json: { identifier: username, password: DEMO_PASSWORD } });
    const body: any = await res.json();
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    const user = await this.server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } });
    const staff = new Staff(this.server, username, body.jwt, user);
    this.cache.set(username, staff);
    return staff;
  }
}

let serial = 7000 + Math.floor(Math.random() * 1500);

/** A new applicant living in `villageCode`, with a valid synthetic NIK. */
export function newApplicant(villageCode: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  const district = villageCode.slice(0, 8);
  const birthDate = `19${60 + (serial % 40)}-0${1 + (serial % 9)}-1${serial % 10}`;
  const sex = serial % 2 ? 'male' : 'female';
  return {
    nik: makeNik(district, birthDate, sex, serial),
    name: `Pemohon Uji ${serial}`,
    sex,
    birthDate,
    villageCode,
    address: 'RT 001/RW 002',
    ...overrides,
  };
}

/** A village of the office (for applicants of office-level openers). */
export async function villageOf(server: TestServer, username: string): Promise<string> {
  const u = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } });
  return u.regionCode;
}

/** Opens a case and returns its view ({ case, actions }). */
export async function openCase(staff: Staff, service: string, applicant: unknown, extra: Record<string, unknown> = {}) {
  const r = await staff.post('/api/panel/cases/open', { service, applicant, ...extra });
  if (r.status !== 201) throw new Error(`open ${service} as ${staff.username}: ${r.status} ${JSON.stringify(r.body?.error ?? r.body)}`);
  return r.body.data;
}

export const actionNames = (view: any) => (view.actions as any[]).map((a) => a.action);

export async function eventsOf(server: TestServer, caseDocumentId: string): Promise<any[]> {
  const c = await server.strapi.db.query('api::case.case').findOne({ where: { documentId: caseDocumentId } });
  return server.strapi.db.query('api::case-event.case-event').findMany({ where: { case: { id: c.id } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

export interface EngineSuite {
  server: TestServer;
  logins: Logins;
  /** The village of the operator named to engineSuite. */
  village: string;
}

/**
 * Boots the real server for the calling test file (beforeAll, stopped in afterAll) on its own
 * copy of the seeded database; the returned object fills in once the server is up.
 */
export function engineSuite(villageOperator: string): EngineSuite {
  const suite = {} as EngineSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.logins = new Logins(suite.server);
    suite.village = await villageOf(suite.server, villageOperator);
  });
  afterAll(async () => {
    await suite.server?.stop();
  });
  return suite;
}
