import type { IdentityField } from '../../core/identity-visibility';
import { countWithWords, formatDateId, formatMonthId, placeOf } from './format';
import { escapeHtml, html, raw, type SafeHtml } from './html';
import { paragraphs, type LetterAttachment, type LetterView } from './letter-html';
import type { Official, OfficeView } from './models';
import { fillTemplate } from './placeholders';
import { plainText, sanitizeRichText } from './sanitize';

/**
 * Builds what a letter prints from its data: the office's template filled with the case, the
 * applicant or the batch, plus the attachments its kind carries (Form 35 and Berita Acara,
 * BNBA, the mutation list). Pure: the Strapi service loads the data, the benchmark makes it up.
 */

export interface Member {
  /** The applicant's row: whose data a printed letter gave (the privacy log). */
  applicantId?: number | null;
  name: string;
  nik: string;
  kk?: string | null;
  sex?: string | null;
  birthPlace?: string | null;
  birthDate?: string | null;
  address?: string | null;
  village?: string | null;
  district?: string | null;
  jknNumber?: string | null;
  note?: string | null;
}

export interface TemplateText {
  kind: string;
  subject: string;
  sifat?: string | null;
  attachmentLabel?: string | null;
  addressee?: string | null;
  body?: string | null;
  copies?: string | null;
  initialChain?: string | null;
  signingPlace?: string | null;
  decreeTitle?: string | null;
  considering?: string | null;
  legalBasis?: string | null;
  decisions?: string | null;
}

export interface LetterData {
  kind: string;
  office: OfficeView;
  template: TemplateText;
  letter: {
    number?: string | null;
    date?: string | null;
    subject?: string | null;
    addressee?: string | null;
    body?: string | null;
    signer?: Official | null;
    initials?: unknown;
  };
  applicant?: Member | null;
  caseInfo?: { code?: string | null; receivedAt?: string | null; service?: string | null; outcome?: string | null } | null;
  batch?: { code?: string | null; month?: string | null } | null;
  members: Member[];
  /** Assessment decision (Tarakan): true = layak. */
  eligible?: boolean | null;
}

const ROLE_LABELS: Record<string, string> = {
  jf: 'Jabatan Fungsional',
  kabid: 'Kepala Bidang',
  'kepala-dinas': 'Kepala Dinas',
  petugas: 'Petugas',
  'pekerja-sosial': 'Pekerja Sosial',
};

/** A member's value of an identity field. */
const identityOf = (m: Member, field: IdentityField): string | null | undefined => (field === 'nik' ? m.nik : field === 'kk' ? m.kk : field === 'jkn' ? m.jknNumber : null);

/**
 * The letter's data with every identity number as `show` gives it (in full or masked, by the
 * rule of core/identity-visibility.ts): the placeholders, the identity table and the
 * attachments all print from these values, so one pass covers the whole letter.
 */
export function withIdentityAs(d: LetterData, show: (field: IdentityField, value: string | null | undefined) => string | null): LetterData {
  const member = (m: Member): Member => ({ ...m, nik: show('nik', m.nik) ?? '', kk: show('kk', m.kk), jknNumber: show('jkn', m.jknNumber) });
  return { ...d, applicant: d.applicant ? member(d.applicant) : d.applicant, members: d.members.map(member) };
}

/** Whose identity numbers a letter printed, and which (applicant row ids; for the privacy log). */
export interface PrintedIdentity {
  fields: IdentityField[];
  applicants: number[];
}

const sexLabel = (s?: string | null) => (s === 'male' ? 'L' : s === 'female' ? 'P' : '');

/** "Kabupaten Magetan" from "Pemerintah Kabupaten Magetan". */
const regionOf = (o: OfficeView) => o.government.replace(/^Pemerintah\s+/i, '');

function activeFrom(month?: string | null): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m) return '';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return formatDateId(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`);
}

/** The initials chain: the template's positions, filled from the letter's recorded initials. */
function initialsChain(chain: string | null | undefined, recorded: unknown): LetterView['initials'] {
  const entries = (Array.isArray(recorded) ? recorded : []).map((e: any) => ({
    label: String(e?.label ?? e?.title ?? ROLE_LABELS[e?.role] ?? e?.role ?? ''),
    role: e?.role as string | undefined,
    name: (e?.name ?? e?.initials ?? e?.by ?? null) as string | null,
    at: (e?.at ?? e?.date ?? null) as string | null,
  }));
  const positions = (chain ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const used = new Set<number>();
  const out = positions.map((label) => {
    const k = entries.findIndex((e, i) => !used.has(i) && (e.label.toLowerCase() === label.toLowerCase() || (e.role && ROLE_LABELS[e.role]?.toLowerCase() === label.toLowerCase())));
    if (k < 0) return { label, name: null, at: null };
    used.add(k);
    return { label, name: entries[k].name, at: entries[k].at };
  });
  entries.forEach((e, i) => {
    if (!used.has(i) && e.label) out.push({ label: e.label, name: e.name, at: e.at });
  });
  return out;
}

function identityTable(a: Member | null | undefined): string {
  if (!a) return '';
  const rows: [string, string][] = [
    ['Nama', a.name],
    ['NIK', a.nik],
    ['Nomor KK', a.kk ?? '-'],
    ['Nomor Kartu JKN-KIS', a.jknNumber ?? '-'],
    ['Tempat, tanggal lahir', [a.birthPlace, a.birthDate ? formatDateId(a.birthDate) : ''].filter(Boolean).join(', ') || '-'],
    ['Alamat', [a.address, a.village, a.district ? `Kecamatan ${a.district}` : ''].filter(Boolean).join(', ') || '-'],
  ];
  return `<table class="identity">${rows.map(([k, v]) => `<tr><td>${k}</td><td>:</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

const memberRows = (members: Member[], pick: (m: Member) => (string | null | undefined)[]) => members.map((m, i) => [String(i + 1), ...pick(m).map((v) => v ?? '')]);

/** The attachments of the letter's kind and the identity fields their member rows print. */
function attachmentsFor(d: LetterData, region: string): { attachments: LetterAttachment[]; identity: IdentityField[] } {
  const month = formatMonthId(d.batch?.month);
  switch (d.kind) {
    case 'permohonan-pbi-d': {
      const form35: LetterAttachment = {
        title: 'FORM 35 — DATA USULAN PESERTA PBI-D',
        subtitle: `${d.office.name} · Bulan ${month}`,
        columns: ['No', 'NIK', 'No. KK', 'Nama', 'L/P', 'Tgl. Lahir', 'Alamat', 'Desa/Kel.', 'Kecamatan'],
        widths: [4, 12, 12, 18, 4, 10, 12, 14, 14],
        landscape: true,
        rows: memberRows(d.members, (m) => [m.nik, m.kk, m.name, sexLabel(m.sex), m.birthDate ? formatDateId(m.birthDate) : '', m.address, m.village, m.district]),
      };
      const perVillage = new Map<string, number>();
      for (const m of d.members) {
        const key = `${m.district ?? '-'}\u0000${m.village ?? '-'}`;
        perVillage.set(key, (perVillage.get(key) ?? 0) + 1);
      }
      const ba: LetterAttachment = {
        title: 'BERITA ACARA',
        subtitle: `Rekapitulasi Usulan Peserta PBI-D Bulan ${month}`,
        intro: html`<p>Pada hari ini, ${formatDateId(d.letter.date, d.office.timeZone)}, kami yang bertanda tangan di bawah ini telah merekapitulasi usulan peserta Penerima Bantuan Iuran Daerah (PBI-D) ${region} bulan ${month} dari operator desa/kelurahan dan operator kecamatan, yang telah melalui proses cleansing data oleh BPJS Kesehatan, dengan rincian sebagai berikut:</p>`,
        columns: ['No', 'Kecamatan', 'Desa/Kelurahan', 'Jumlah Usulan'],
        widths: [6, 34, 40, 20],
        rows: [...perVillage.entries()]
          .sort()
          .map(([k, n], i) => {
            const [district, village] = k.split('\u0000');
            return [String(i + 1), district, village, String(n)];
          })
          .concat([['', 'JUMLAH', '', String(d.members.length)]]),
        after: html`<p>Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.</p>`,
        signature: true,
      };
      return { attachments: [form35, ba], identity: ['nik', 'kk'] };
    }
    case 'usulan-mutasi':
      return {
        identity: ['nik', 'kk', 'jkn'],
        attachments: [
          {
            title: 'DAFTAR USULAN MUTASI PESERTA PBI JKN APBD',
            subtitle: region,
            columns: ['No', 'Nama', 'NIK', 'No. KK', 'No. Kartu JKN', 'Alamat', 'Kelurahan', 'Keterangan'],
            widths: [4, 17, 13, 13, 12, 12, 13, 16],
            landscape: true,
            rows: memberRows(d.members, (m) => [m.name, m.nik, m.kk, m.jknNumber, m.address, m.village, m.note ?? 'Ditanggung perusahaan']),
          },
        ],
      };
    case 'sk-bnba':
      return {
        identity: ['nik', 'kk'],
        attachments: [
          {
            title: `DAFTAR NAMA DAN ALAMAT (BNBA) PESERTA PBI JKN APBD ${region.toUpperCase()}`,
            subtitle: `Bulan ${month}`,
            columns: ['No', 'Nama', 'NIK', 'No. KK', 'L/P', 'Tgl. Lahir', 'Alamat', 'Kelurahan', 'Kecamatan'],
            widths: [5, 18, 12, 12, 4, 11, 12, 13, 13],
            landscape: true,
            rows: memberRows(d.members, (m) => [m.name, m.nik, m.kk, sexLabel(m.sex), m.birthDate ? formatDateId(m.birthDate) : '', m.address, m.village, m.district]),
            signature: true,
          },
        ],
      };
    default:
      return { attachments: [], identity: [] };
  }
}

const lines = (s?: string | null) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** What a letter prints (see buildLetter). */
export function buildLetterView(d: LetterData): LetterView {
  return buildLetter(d).view;
}

/** The fields each identity placeholder prints (the identity table prints all three). */
const PLACEHOLDER_IDENTITY: Record<string, IdentityField[]> = {
  'applicant.nik': ['nik'],
  'applicant.kk': ['kk'],
  'applicant.jknNumber': ['jkn'],
  'applicant.table': ['nik', 'kk', 'jkn'],
};

/** What a letter prints, and whose identity numbers it printed. */
export function buildLetter(d: LetterData): { view: LetterView; printed: PrintedIdentity } {
  const o = d.office;
  const region = regionOf(o);
  const a = d.applicant ?? d.members[0] ?? null;
  const tz = o.timeZone;
  const values: Record<string, string> = {
    'applicant.name': a?.name ?? '',
    'applicant.nik': a?.nik ?? '',
    'applicant.kk': a?.kk ?? '',
    'applicant.jknNumber': a?.jknNumber ?? '',
    'applicant.sex': a?.sex === 'male' ? 'Laki-laki' : a?.sex === 'female' ? 'Perempuan' : '',
    'applicant.birthPlace': a?.birthPlace ?? '',
    'applicant.birthDate': a?.birthDate ? formatDateId(a.birthDate, tz) : '',
    'applicant.address': a?.address ?? '',
    'applicant.village': a?.village ?? '',
    'applicant.district': a?.district ?? '',
    'applicant.welfareSource': (a as any)?.welfareSource ?? 'DTKS/DTSEN',
    'case.code': d.caseInfo?.code ?? '',
    'case.receivedAt': d.caseInfo?.receivedAt ? formatDateId(d.caseInfo.receivedAt, tz) : '',
    'case.service': d.caseInfo?.service ?? '',
    'case.outcome': d.caseInfo?.outcome ?? '',
    'office.name': o.name,
    'office.government': o.government,
    'office.region': region,
    'office.address': o.address ?? '',
    'office.phone': o.phone ?? '',
    'office.email': o.email ?? '',
    'office.website': o.website ?? '',
    'office.head.name': o.head?.name ?? '',
    'office.head.title': o.head?.title ?? '',
    'letter.number': d.letter.number ?? '',
    'letter.date': formatDateId(d.letter.date, tz),
    date: formatDateId(d.letter.date, tz),
    'batch.code': d.batch?.code ?? '',
    'batch.month': formatMonthId(d.batch?.month),
    'batch.activeFrom': activeFrom(d.batch?.month),
    'members.count': String(d.members.length),
    'members.countWords': countWithWords(d.members.length),
    decision: d.eligible === true ? 'LAYAK' : d.eligible === false ? 'TIDAK LAYAK' : '',
  };
  const printed = new Map<number, Set<IdentityField>>();
  const mark = (m: Member | null | undefined, fields: readonly IdentityField[]) => {
    if (m?.applicantId == null) return;
    const set = printed.get(m.applicantId) ?? new Set<IdentityField>();
    for (const f of fields) if (identityOf(m, f)) set.add(f);
    if (set.size) printed.set(m.applicantId, set);
  };
  const fill = (text: string | null | undefined, rich = false) =>
    fillTemplate(rich ? sanitizeRichText(text) : plainText(text), {
      values,
      sections: { 'decision.eligible': d.eligible === true },
      blocks: rich ? { 'applicant.table': identityTable(a) } : { 'applicant.table': '' },
      escape: rich ? escapeHtml : (s) => s,
      // The identity table prints in the body only (elsewhere it is left out).
      onFill: (name) => {
        if (name !== 'applicant.table' || rich) mark(a, PLACEHOLDER_IDENTITY[name] ?? []);
      },
    });
  const t = d.template;
  const signer = d.letter.signer?.name ? d.letter.signer : (o.head ?? {});
  const numbered = (s: string) => {
    const m = /^\s*([A-Za-z]{1,2}\.|\d+\.)\s+(.*)$/.exec(s);
    return m ? html`<span style="display:inline-block;width:1.6em">${m[1]}</span>${m[2]}` : html`${s}`;
  };
  const decree = t.decreeTitle
    ? {
        title: fill(t.decreeTitle),
        about: fill(d.letter.subject || t.subject),
        considering: lines(fill(t.considering)),
        legalBasis: lines(fill(t.legalBasis)),
        decisions: lines(fill(t.decisions)).map((l): [string, string] => {
          const m = /^([A-Z]+)\s*:\s*(.*)$/.exec(l);
          return m ? [m[1], m[2]] : ['', l];
        }),
      }
    : null;
  const { attachments, identity } = attachmentsFor(d, region);
  for (const m of d.members) mark(m, identity);
  const view: LetterView = {
    kind: d.kind,
    office: o,
    number: d.letter.number || '......./......./.......',
    date: d.letter.date ?? null,
    sifat: t.sifat,
    attachmentLabel: fill(t.attachmentLabel),
    subject: fill(d.letter.subject || t.subject),
    addressee: fill(d.letter.addressee || t.addressee || ''),
    bodyHtml: paragraphs(fill(d.letter.body || t.body || '', true)),
    copies: lines(fill(t.copies)),
    signer: signer as Official,
    signPlace: t.signingPlace || placeOf(o.government),
    initials: initialsChain(t.initialChain, d.letter.initials),
    decree: decree && {
      ...decree,
      considering: decree.considering.map(numbered),
      legalBasis: decree.legalBasis.map(numbered),
    },
    attachments,
  };
  const fields = new Set([...printed.values()].flatMap((set) => [...set]));
  return { view, printed: { fields: [...fields], applicants: [...printed.keys()] } };
}

export { raw, type SafeHtml };
