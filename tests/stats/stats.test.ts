/**
 * Dashboard figures (GET /api/panel/stats/*) against counts computed here, independently,
 * from the stored cases and survey answers; each staff member sees only their scope's figures.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { call, logins } from '../staff-api/support';
import { loadPlaces, makeApplicant, makeCase, makeSurvey, type Place, type PlaceKey } from '../staff-api/fixtures';

let server: TestServer;
let places: Record<PlaceKey, Place>;
let tokens: Record<string, string>;
const DAY = 86400_000;
const OPEN = ['in-progress', 'waiting'];

beforeAll(async () => {
  server = await startServer();
  places = await loadPlaces(server.strapi);
  tokens = await logins(server, ['magetan.petugas', 'magetan.kecamatan', 'magetan.desa1', 'magetan.bpjs', 'tarakan.petugas', 'magetan.kabid']);
  // A spread of states in three places: open on time, open overdue, closed on time and late.
  const now = Date.now();
  const states = [
    { status: 'in-progress', currentActivity: 2, dueAt: now + 3 * DAY, activityDueAt: now - DAY },
    { status: 'in-progress', currentActivity: 2, dueAt: now - DAY, activityDueAt: now + DAY },
    { status: 'waiting', currentActivity: 3, dueAt: now + DAY, activityDueAt: now + DAY },
    { status: 'completed', currentActivity: null, dueAt: now, closedAt: now - 2 * DAY },
    { status: 'completed', currentActivity: null, dueAt: now - 40 * DAY, closedAt: now - 35 * DAY },
    { status: 'rejected', currentActivity: null, dueAt: now - 80 * DAY, closedAt: now - 70 * DAY },
  ];
  // Activities finished (events that took a case off an activity, with that activity's due
  // time): on time, late, too long ago to count, and an event that left no activity.
  const left = [
    { fromActivity: 1, at: now - 5 * DAY, fromActivityDueAt: now - 4 * DAY },
    { fromActivity: 1, at: now - 3 * DAY, fromActivityDueAt: now - 4 * DAY },
    { fromActivity: 2, at: now - 2 * DAY, fromActivityDueAt: now - DAY },
    { fromActivity: 2, at: now - 200 * DAY, fromActivityDueAt: now - 300 * DAY },
    { fromActivity: 2, at: now - DAY, fromActivityDueAt: null },
  ];
  for (const key of ['home', 'home', 'near', 'other'] as PlaceKey[]) {
    for (const s of states) {
      const kase = await makeCase(server.strapi, places[key], await makeApplicant(server.strapi, places[key]));
      await (server.strapi.service('api::case-event.history') as any).record(
        server.strapi.db.connection,
        left.map((l) => ({
          caseId: kase.id,
          caseCode: kase.code,
          officeCode: kase.officeCode,
          action: 'complete',
          fromActivity: l.fromActivity,
          toActivity: l.fromActivity + 1,
          at: new Date(l.at),
          fromActivityDueAt: l.fromActivityDueAt === null ? null : new Date(l.fromActivityDueAt),
        })),
      );
      await server.strapi.db.query('api::case.case').update({
        where: { documentId: kase.documentId },
        data: {
          status: s.status,
          currentActivity: s.currentActivity,
          dueAt: new Date(s.dueAt),
          activityDueAt: s.activityDueAt ? new Date(s.activityDueAt) : null,
          closedAt: s.closedAt ? new Date(s.closedAt) : null,
        },
      });
    }
  }
  for (const key of ['home', 'near', 'other'] as PlaceKey[]) await makeSurvey(server.strapi, places[key]);
});

afterAll(async () => {
  await server?.stop();
});

/** The cases a scope sees, read plainly through the query engine. */
async function casesOf(where: Record<string, unknown>): Promise<any[]> {
  return server.strapi.db.query('api::case.case').findMany({ where, select: ['serviceSlug', 'status', 'currentActivity', 'dueAt', 'activityDueAt', 'closedAt', 'villageCode'] });
}

const count = <T>(rows: T[], key: (r: T) => string) => rows.reduce<Record<string, number>>((m, r) => ((m[key(r)] = (m[key(r)] ?? 0) + 1), m), {});

const SCOPES: [string, () => Record<string, unknown>][] = [
  ['magetan.petugas', () => ({ officeCode: 'magetan' })],
  ['magetan.kecamatan', () => ({ officeCode: 'magetan', districtCode: places.home.district })],
  ['magetan.desa1', () => ({ officeCode: 'magetan', villageCode: places.home.village })],
  ['tarakan.petugas', () => ({ officeCode: 'tarakan' })],
];

test.each(SCOPES)('cases per service and status, as %s sees them', async (user, where) => {
  const expected = count(await casesOf(where()), (r) => `${r.serviceSlug}|${r.status}`);
  const r = await call(server, 'GET', '/stats/cases-by-service', tokens[user]);
  expect(r.status).toBe(200);
  const got: Record<string, number> = {};
  for (const s of r.body.services) {
    for (const [status, n] of Object.entries<number>(s.statuses)) got[`${s.service}|${status}`] = n;
    expect(s.total).toBe(Object.values<number>(s.statuses).reduce((a, b) => a + b, 0));
    expect(typeof s.title).toBe('string');
  }
  expect(got).toEqual(expected);
  expect(Object.keys(expected).length).toBeGreaterThan(0);
});

test.each(SCOPES)('SLA per activity (open cases past the activity due time, activities finished late), as %s sees them', async (user, where) => {
  const r = await call(server, 'GET', '/stats/sla-by-activity', tokens[user]);
  expect(r.status).toBe(200);
  const at = new Date(r.body.at).getTime();
  const since = new Date(r.body.since).getTime();
  expect(at - since).toBe(90 * DAY);
  const cases = await server.strapi.db.query('api::case.case').findMany({ where: where(), select: ['id', 'serviceSlug', 'status', 'currentActivity', 'dueAt', 'activityDueAt'] });
  const open = cases.filter((c: any) => OPEN.includes(c.status));
  const key = (c: any) => `${c.serviceSlug}|${c.currentActivity}`;
  const expectedOpen = count(open, key);
  const expectedLate = count(
    open.filter((c: any) => c.activityDueAt && new Date(c.activityDueAt).getTime() < at),
    key,
  );
  const expectedCaseLate = count(
    open.filter((c: any) => c.dueAt && new Date(c.dueAt).getTime() < at),
    key,
  );
  // Finished: the scope's cases' events that left an activity with its due time, in the period.
  const serviceOf = new Map(cases.map((c: any) => [c.id, c.serviceSlug]));
  const events = (
    await server.strapi.db
      .query('api::case-event.case-event')
      .findMany({ where: { case: { id: { $in: [...serviceOf.keys()] } }, fromActivityDueAt: { $notNull: true } }, populate: { case: { select: ['id'] } } })
  ).filter((e: any) => new Date(e.at).getTime() >= since);
  const finishedKey = (e: any) => `${serviceOf.get(e.case.id)}|${e.fromActivity}`;
  const expectedFinished = count(events, finishedKey);
  const expectedFinishedLate = count(
    events.filter((e: any) => new Date(e.at).getTime() > new Date(e.fromActivityDueAt).getTime()),
    finishedKey,
  );
  for (const a of r.body.activities) {
    const k = `${a.service}|${a.activity}`;
    expect(a.open).toBe(expectedOpen[k] ?? 0);
    expect(a.activityOverdue).toBe(expectedLate[k] ?? 0);
    expect(a.caseOverdue).toBe(expectedCaseLate[k] ?? 0);
    expect(a.finished).toBe(expectedFinished[k] ?? 0);
    expect(a.finishedLate).toBe(expectedFinishedLate[k] ?? 0);
    if (a.open) expect(a.onTimeRate).toBeCloseTo((100 * (a.open - a.activityOverdue)) / a.open, 1);
    if (a.finished) expect(a.finishedOnTimeRate).toBeCloseTo((100 * (a.finished - a.finishedLate)) / a.finished, 1);
  }
  expect(r.body.activities.length).toBe(new Set([...Object.keys(expectedOpen), ...Object.keys(expectedFinished)]).size);
  expect(Object.keys(expectedLate).length).toBeGreaterThan(0);
  expect(Object.keys(expectedFinishedLate).length).toBeGreaterThan(0);
});

test.each(SCOPES)('SLA per month (closed within the due time), as %s sees them', async (user, where) => {
  const r = await call(server, 'GET', '/stats/sla-by-month?months=12', tokens[user]);
  expect(r.status).toBe(200);
  const monthOf = (d: string) => new Intl.DateTimeFormat('en-CA', { timeZone: user.startsWith('tarakan') ? 'Asia/Makassar' : 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date(d));
  const closed = (await casesOf(where())).filter((c) => ['completed', 'rejected'].includes(c.status) && c.closedAt && Date.now() - new Date(c.closedAt).getTime() < 300 * DAY);
  const expected = count(closed, (c) => monthOf(c.closedAt));
  const expectedOnTime = count(
    closed.filter((c) => new Date(c.closedAt) <= new Date(c.dueAt)),
    (c) => monthOf(c.closedAt),
  );
  expect(r.body.months).toHaveLength(12);
  const got = Object.fromEntries(r.body.months.filter((m: any) => m.closed).map((m: any) => [m.month, m.closed]));
  expect(got).toEqual(expected);
  expect(Object.keys(expected).length).toBeGreaterThan(1);
  for (const m of r.body.months) {
    expect(m.onTime).toBe(expectedOnTime[m.month] ?? 0);
    expect(m.late).toBe(m.closed - m.onTime);
  }
  expect(r.body.months.map((m: any) => m.month)).toEqual([...r.body.months.map((m: any) => m.month)].sort());
});

test.each(SCOPES)('backlog per village, as %s sees it', async (user, where) => {
  const r = await call(server, 'GET', '/stats/backlog-by-village?limit=200', tokens[user]);
  expect(r.status).toBe(200);
  const open = (await casesOf(where())).filter((c) => OPEN.includes(c.status));
  const expected = count(open, (c) => c.villageCode);
  expect(Object.fromEntries(r.body.villages.map((v: any) => [v.village, v.open]))).toEqual(expected);
  const opens = r.body.villages.map((v: any) => v.open);
  expect(opens).toEqual([...opens].sort((a: number, b: number) => b - a));
  const home = r.body.villages.find((v: any) => v.village === places.home.village);
  if (user.startsWith('magetan')) expect(home.name).not.toBe(places.home.village);
  else expect(home).toBeUndefined();
});

test('a village operator sees nothing of another village; the office none of another office', async () => {
  const desa = await call(server, 'GET', '/stats/backlog-by-village?limit=200', tokens['magetan.desa1']);
  expect(desa.body.villages.map((v: any) => v.village)).toEqual([places.home.village]);
  const tarakan = await call(server, 'GET', '/stats/backlog-by-village?limit=200', tokens['tarakan.petugas']);
  expect(tarakan.body.villages.some((v: any) => v.village === places.home.village || v.village === places.near.village)).toBe(false);
});

test('IKM per service from the survey answers, per office', async () => {
  for (const [user, office] of [
    ['magetan.kabid', 'magetan'],
    ['tarakan.petugas', 'tarakan'],
  ]) {
    const r = await call(server, 'GET', '/stats/ikm', tokens[user]);
    expect(r.status).toBe(200);
    const rows = await server.strapi.db.query('api::survey-response.survey-response').findMany({ where: { officeCode: office } });
    const bySlug = new Map<string, any[]>();
    for (const row of rows) bySlug.set(row.serviceSlug, [...(bySlug.get(row.serviceSlug) ?? []), row]);
    expect(r.body.services.map((s: any) => s.service).sort()).toEqual([...bySlug.keys()].sort());
    for (const s of r.body.services) {
      const answers = bySlug.get(s.service)!;
      const means = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((k) => answers.reduce((t, a) => t + a[k], 0) / answers.length);
      expect(s.respondents).toBe(answers.length);
      expect(s.score).toBeCloseTo((means.reduce((a, b) => a + b, 0) / 9) * 25, 2);
      expect(['A', 'B', 'C', 'D']).toContain(s.grade);
    }
    expect(r.body.office.respondents).toBe(rows.length);
  }
});

test('the BPJS liaison has no dashboard; operators have no IKM; bad parameters are a 400 naming the field', async () => {
  expect((await call(server, 'GET', '/stats/cases-by-service', tokens['magetan.bpjs'])).status).toBe(403);
  expect((await call(server, 'GET', '/stats/ikm', tokens['magetan.desa1'])).status).toBe(403);
  expect((await call(server, 'GET', '/stats/cases-by-service')).status).toBe(401);
  for (const [path, field] of [
    ['/stats/sla-by-month?months=0', 'months'],
    ['/stats/sla-by-month?months=abc', 'months'],
    ['/stats/backlog-by-village?limit=9999', 'limit'],
    ['/stats/cases-by-service?service=%27%3B%20drop', 'service'],
  ]) {
    const r = await call(server, 'GET', path, tokens['magetan.petugas']);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe(field);
  }
});

test('a service filter narrows every figure', async () => {
  const all = await call(server, 'GET', '/stats/cases-by-service', tokens['magetan.petugas']);
  const slug = all.body.services[0].service;
  const one = await call(server, 'GET', `/stats/cases-by-service?service=${slug}`, tokens['magetan.petugas']);
  expect(one.body.services).toEqual([all.body.services[0]]);
  const backlog = await call(server, 'GET', `/stats/backlog-by-village?limit=200&service=${slug}`, tokens['magetan.petugas']);
  const expected = (await casesOf({ officeCode: 'magetan', serviceSlug: slug })).filter((c) => OPEN.includes(c.status)).length;
  expect(backlog.body.villages.reduce((s: number, v: any) => s + v.open, 0)).toBe(expected);
});
