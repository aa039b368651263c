/**
 * The operations screens in a real browser: the dashboard's charts show the stats endpoints'
 * figures for the user's scope, the complaint queue shows the SLA by color and text and takes a
 * reply, the survey page shows each service's IKM.
 */
import { makeComplaint, loadPlaces, makeSurvey } from '../staff-api/fixtures';
import { clickByText, mainText, openPanel, waitForText, type PanelHarness } from './harness';

let ui: PanelHarness;
beforeAll(async () => {
  ui = await openPanel();
});
afterAll(async () => {
  await ui?.close();
});

async function api(token: string, path: string) {
  const res = await ui.server.http(`/api/panel${path}`, { token });
  return res.json() as Promise<any>;
}

/** Numbers written next to the bars of a chart (its <text> labels). */
const chartTexts = (page: import('puppeteer').Page, testId: string) => page.$eval(`[data-testid="${testId}"]`, (svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''));

test('dashboard: charts of the office for a case worker, of the village for a village operator', async () => {
  for (const user of ['magetan.petugas', 'magetan.desa1']) {
    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, '/');
    await page.waitForSelector('[data-testid="chart-cases-by-service"]');
    const expected = await api(await ui.token(user), '/stats/cases-by-service');
    const texts = await chartTexts(page, 'chart-cases-by-service');
    for (const s of expected.services) expect(texts).toContain(s.total.toLocaleString('id-ID'));
    const backlog = await api(await ui.token(user), '/stats/backlog-by-village?limit=15');
    if (backlog.villages.length) {
      await page.waitForSelector('[data-testid="chart-backlog"]');
      const labels = await chartTexts(page, 'chart-backlog');
      expect(labels.some((t) => t.startsWith(backlog.villages[0].name.slice(0, 20)))).toBe(true);
      if (user === 'magetan.desa1') expect(backlog.villages).toHaveLength(1);
    }
    expect(await mainText(page)).toContain('Kasus per layanan dan status');
    await ui.screenshot(page, `dashboard-${user}`);
    await page.close();
  }
});

test('complaints: overdue shown as "Terlambat" in red, a reply marks the complaint answered', async () => {
  const places = await loadPlaces(ui.server.strapi);
  const late = await makeComplaint(ui.server.strapi, places.home);
  await ui.server.strapi.db
    .query('api::complaint.complaint')
    .update({ where: { documentId: late.documentId }, data: { receivedAt: new Date(Date.now() - 96 * 3600_000), dueAt: new Date(Date.now() - 24 * 3600_000) } });
  const page = await ui.newPage();
  await ui.login(page, 'magetan.petugas');
  await ui.go(page, '/complaints');
  await waitForText(page, late.trackingCode);
  const sla = await page.evaluate((code) => {
    const row = [...document.querySelectorAll('tr')].find((r) => r.textContent?.includes(code));
    const chip = row?.querySelector('[data-sla]') as HTMLElement | null;
    return chip ? { state: chip.dataset.sla, text: chip.innerText, color: getComputedStyle(chip).backgroundColor } : null;
  }, late.trackingCode);
  expect(sla).toEqual({ state: 'overdue', text: 'Terlambat', color: expect.stringMatching(/^rgb\((2[0-9]{2}), (\d{1,2}), (\d{1,2})\)$/) });
  await ui.screenshot(page, 'complaints-queue');
  await clickByText(page, late.trackingCode, 'td, span');
  await page.waitForSelector('textarea[name="reply"]').catch(async (e) => {
    await ui.screenshot(page, 'complaint-edit-failed');
    throw new Error(`${e.message}: ${await mainText(page)} ${ui.errors.join('\n').slice(0, 2000)}`);
  });
  await page.type('textarea[name="reply"]', 'Terima kasih, data Bapak/Ibu sudah kami perbaiki.');
  expect(await page.$eval('button[type="submit"]', (b) => b.textContent)).toBe('Simpan jawaban');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => location.hash.startsWith('#/complaints') && !location.hash.includes('/complaints/'));
  const stored = await ui.server.strapi.db.query('api::complaint.complaint').findOne({ where: { documentId: late.documentId } });
  expect(stored.reply).toBe('Terima kasih, data Bapak/Ibu sudah kami perbaiki.');
  expect(stored.status).toBe('answered');
  expect(stored.repliedAt).toBeTruthy();
  await page.close();
});

test('surveys: each service with its IKM and grade, and a chart', async () => {
  const places = await loadPlaces(ui.server.strapi);
  for (let i = 0; i < 3; i++) await makeSurvey(ui.server.strapi, places.home);
  const expected = await api(await ui.token('magetan.kabid'), '/stats/ikm');
  const page = await ui.newPage();
  await ui.login(page, 'magetan.kabid');
  await ui.go(page, '/survey-responses');
  await page.waitForSelector('[data-testid="ikm-table"]');
  await page.waitForSelector('[data-testid="chart-ikm"]');
  const rows = await page.$$eval('[data-testid="ikm-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
  expect(rows.map((r) => r[2])).toEqual(expected.services.map((s: any) => s.score.toFixed(2).replace('.', ',')));
  expect(rows.map((r) => r[3].charAt(0))).toEqual(expected.services.map((s: any) => s.grade));
  await ui.screenshot(page, 'surveys-ikm');
  await page.close();
});

test('the BPJS liaison sees no dashboard figures, only the batches menu', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.bpjs');
  await ui.go(page, '/');
  await waitForText(page, 'Dasbor tidak tersedia');
  expect(ui.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  expect(await page.$('[data-testid="menu-dashboard"]')).toBeNull();
  expect(await page.$('[data-testid="menu-batches"]')).not.toBeNull();
  await page.close();
});
