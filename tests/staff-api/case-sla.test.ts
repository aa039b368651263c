import { slaState, DUE_SOON_PERCENT } from '../../cms/src/modules/staff-api/resources/cases';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeCase } from './fixtures';
import { call, listQuery, login } from './support';

/**
 * What the panel's case list needs from the staff API: each case's SLA state (on time, due soon,
 * overdue) and "emergencies first" (sort by priority, then by due time).
 */

const H = 3600_000;
const now = new Date('2026-10-10T00:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * H).toISOString();

describe('slaState (pure)', () => {
  test.each([
    ['closed cases (and returned ones) have none', { status: 'returned', receivedAt: at(-100), dueAt: at(-1) }, 'closed'],
    ['open without a due time', { status: 'in-progress', receivedAt: at(-1) }, 'none'],
    ['past the due time', { status: 'waiting', receivedAt: at(-10), dueAt: at(-1) }, 'overdue'],
    [`${DUE_SOON_PERCENT}% of the time used`, { status: 'in-progress', receivedAt: at(-75), dueAt: at(25) }, 'due-soon'],
    ['just below it', { status: 'in-progress', receivedAt: at(-74), dueAt: at(26) }, 'on-time'],
    ['fresh', { status: 'waiting', receivedAt: at(0), dueAt: at(48) }, 'on-time'],
  ])('%s', (_name, record, expected) => {
    expect(slaState(record, now)).toBe(expected);
  });
});

describe('cases list on the real server', () => {
  let server: TestServer;
  let token: string;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    token = await login(server, 'magetan.petugas');
    const places = await loadPlaces(server.strapi);
    const t = Date.now();
    const make = async (name: string, data: Record<string, unknown>) => {
      const kase = await makeCase(server.strapi, places.home, await makeApplicant(server.strapi, places.home));
      await server.strapi.documents('api::case.case').update({ documentId: kase.documentId, data });
      codes[name] = kase.code;
    };
    await make('regularSoon', { receivedAt: new Date(t - 90 * H), dueAt: new Date(t + 10 * H) });
    await make('emergencyLate', { priority: 'emergency', receivedAt: new Date(t - 10 * H), dueAt: new Date(t + 50 * H) });
    await make('emergencyEarly', { priority: 'emergency', receivedAt: new Date(t - 1 * H), dueAt: new Date(t + 20 * H) });
    await make('regularOverdue', { receivedAt: new Date(t - 30 * H), dueAt: new Date(t - 2 * H) });
    await make('regularFresh', { receivedAt: new Date(t), dueAt: new Date(t + 100 * H) });
    // 1 October 2026, 00:30 in Magetan (UTC+7): still 30 September in UTC.
    await make('firstOfOctober', { receivedAt: new Date('2026-09-30T17:30:00Z'), dueAt: new Date(t + 200 * H) });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  test('sort by priority lists emergencies first, each group by due time', async () => {
    const r = await call(server, 'GET', `/cases${listQuery({ sort: ['priority', 'ASC'], range: [0, 9], filter: { code: Object.values(codes) } })}`, token);
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k]));
    expect(r.body.map((c: any) => byCode[c.code])).toEqual(['emergencyEarly', 'emergencyLate', 'regularOverdue', 'regularSoon', 'regularFresh', 'firstOfOctober']);
  });

  test('each case carries its SLA state', async () => {
    const r = await call(server, 'GET', `/cases${listQuery({ range: [0, 9], filter: { code: Object.values(codes) } })}`, token);
    const state = Object.fromEntries(r.body.map((c: any) => [c.code, c.slaState]));
    expect(state[codes.regularOverdue]).toBe('overdue');
    expect(state[codes.regularSoon]).toBe('due-soon');
    expect(state[codes.regularFresh]).toBe('on-time');
    expect(state[codes.emergencyEarly]).toBe('on-time');
  });

  test("the case view carries its SOP version's activities for the flowchart", async () => {
    const [c] = (await call(server, 'GET', `/cases${listQuery({ range: [0, 0], filter: { code: codes.regularFresh } })}`, token)).body;
    const view = (await call(server, 'GET', `/cases/${c.id}/actions`, token)).body.data;
    const activities = view.case.sop.activities;
    expect(activities.length).toBeGreaterThan(2);
    expect(activities.map((a: any) => a.number)).toContain(view.case.currentActivity.number);
    for (const a of activities) expect(Object.keys(a).sort()).toEqual(['executor', 'next', 'noLabel', 'noNext', 'number', 'symbol', 'text', 'yesLabel', 'yesNext']);
    expect(activities.some((a: any) => a.symbol === 'decision' && a.yesNext && a.noNext)).toBe(true);
  });

  test("the month filter is the office's calendar month, in its time zone", async () => {
    const inMonth = async (month: string) => (await call(server, 'GET', `/cases${listQuery({ range: [0, 9], filter: { code: codes.firstOfOctober, month } })}`, token)).body.map((c: any) => c.code);
    expect(await inMonth('2026-10')).toEqual([codes.firstOfOctober]);
    expect(await inMonth('2026-09')).toEqual([]);
    const bad = await call(server, 'GET', `/cases${listQuery({ range: [0, 9], filter: { month: '2026-13' } })}`, token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/month/);
  });

  test("the office's own due-soon share decides when a case is due soon", async () => {
    const office: any = await server.strapi.documents('api::office.office').findFirst({ filters: { code: 'magetan' }, populate: ['sla'] });
    const { id: _id, ...sla } = office.sla;
    await server.strapi.documents('api::office.office').update({ documentId: office.documentId, data: { sla: { ...sla, dueSoonPercent: 95 } } });
    // Another account: the first one's office settings are kept for a few seconds.
    const kabid = await login(server, 'magetan.kabid');
    const r = await call(server, 'GET', `/cases${listQuery({ range: [0, 9], filter: { code: codes.regularSoon } })}`, kabid);
    expect(r.body.map((c: any) => c.slaState)).toEqual(['on-time']);
  });
});
