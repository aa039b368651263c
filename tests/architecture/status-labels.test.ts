/**
 * The panel's status words are the server's (cms/src/core/status-labels.ts): its message files
 * take them from there, and no panel file types a status label again. Pure: no server, no browser.
 */
import fs from 'fs';
import path from 'path';
import { BATCH_STATUS_LABELS, CASE_STATUS_LABELS, COMPLAINT_STATUS_LABELS } from '../../cms/src/core/status-labels';
import { appMessages } from '../../admin/src/i18n/app';
import { messages as batchMessages } from '../../admin/src/batches/messages';
import { messages as complaintMessages } from '../../admin/src/complaints/messages';
import { messages as dashboardMessages } from '../../admin/src/dashboard/messages';

const SETS = { case: CASE_STATUS_LABELS, complaint: COMPLAINT_STATUS_LABELS, batch: BATCH_STATUS_LABELS };
const ADMIN_SRC = path.resolve(__dirname, '..', '..', 'admin', 'src');

/** "status: 'label'" pairs of one status set written out in a source text: two or more is a copy. */
function retypedLabels(source: string): string[] {
  const found: string[] = [];
  for (const [set, byLocale] of Object.entries(SETS)) {
    for (const labels of Object.values(byLocale)) {
      const pairs = Object.entries(labels as Record<string, string>).filter(([status, label]) => new RegExp(`['"]?${status}['"]?\\s*:\\s*['"\`]${label}['"\`]`).test(source));
      if (pairs.length >= 2) found.push(`${set}: ${pairs.map(([s]) => s).join(', ')}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

test('the detector finds a status map typed again, and not a lone word that happens to match', () => {
  expect(retypedLabels("const s = { 'in-progress': 'Diproses', waiting: 'Menunggu', returned: 'Dikembalikan' };")).toEqual(['case: waiting, returned']);
  expect(retypedLabels("status: { open: 'Terbuka', 'sent-to-bpjs': 'Dikirim ke BPJS' }")).toEqual(['batch: open, sent-to-bpjs']);
  expect(retypedLabels("sla: { closed: 'Closed', overdue: 'Overdue' }")).toEqual([]);
});

test("the panel's status messages are the server's, in both languages", () => {
  for (const locale of ['id', 'en'] as const) {
    expect(appMessages[locale].status).toEqual(CASE_STATUS_LABELS[locale]);
    expect(dashboardMessages[locale].dashboard.status).toEqual(CASE_STATUS_LABELS[locale]);
    expect(batchMessages[locale].batches.caseStatus).toEqual(CASE_STATUS_LABELS[locale]);
    expect(batchMessages[locale].batches.status).toEqual(BATCH_STATUS_LABELS[locale]);
    expect(complaintMessages[locale].complaints.status).toEqual(COMPLAINT_STATUS_LABELS[locale]);
  }
});

test('no panel file types a status label again', () => {
  const copies = sourceFiles(ADMIN_SRC).flatMap((file) => retypedLabels(fs.readFileSync(file, 'utf8')).map((c) => `${path.relative(ADMIN_SRC, file)} (${c})`));
  expect(copies).toEqual([]);
});
