'use strict';
/** Synthetic letter data for the benchmark and for looking at letters without a database. */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const office = (code) => {
  const o = JSON.parse(fs.readFileSync(path.join(root, 'config', 'offices', `${code}.json`), 'utf8'));
  return { ...o, logoDataUrl: null };
};
const templates = JSON.parse(fs.readFileSync(path.join(root, 'database', 'seed', 'letter-templates.json'), 'utf8'));
const FIRST = ['Sri', 'Budi', 'Siti', 'Agus', 'Wayan', 'Made', 'Nur', 'Eko', 'Dewi', 'Rina', 'Ketut', 'Joko'];
const LAST = ['Wahyuni', 'Santoso', 'Rahayu', 'Saputra', 'Lestari', 'Hidayat', 'Suparman', 'Astuti'];

function letterData(kind, officeCode, memberCount = 1) {
  const list = membersList(memberCount);
  return {
    kind,
    office: office(officeCode),
    template: { kind, ...templates.kinds[kind], signingPlace: templates.offices[officeCode]?.signingPlace },
    letter: { number: '400.9.2/123/403.107/2026', date: '2026-03-12', initials: [{ role: 'jf', name: 'Rina Astuti', at: '2026-03-11' }] },
    applicant: list[0],
    caseInfo: { code: 'MAG-2026-000123', receivedAt: '2026-03-10T02:00:00Z', service: 'Reaktivasi Kartu JKN-KIS' },
    batch: { code: 'B-2026-03', month: '2026-03' },
    members: list,
    eligible: kind === 'keputusan-asesmen' ? true : null,
  };
}

function membersList(n) {
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const k = (i * 7919 + 1) % 997;
    out.push({
      name: `${FIRST[k % FIRST.length]} ${LAST[(k >> 2) % LAST.length]}`,
      nik: `3520${String(100000000000 + k * 1013 + i).slice(0, 12)}`,
      kk: `3520${String(200000000000 + k * 887 + i).slice(0, 12)}`,
      sex: k % 2 ? 'male' : 'female',
      birthPlace: 'Magetan',
      birthDate: `19${50 + (k % 50)}-0${1 + (k % 9)}-1${k % 9}`,
      address: `RT 00${1 + (k % 9)}/RW 00${1 + (k % 5)}`,
      village: ['Candirejo', 'Tawanganom', 'Purwosari', 'Bangsri'][k % 4],
      district: ['Magetan', 'Plaosan'][k % 2],
      jknNumber: `000${1000000000 + k * 31 + i}`,
    });
  }
  return out;
}

module.exports = { letterData, membersList, office };
