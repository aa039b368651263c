/**
 * Indeks Kepuasan Masyarakat as PermenPANRB 14/2017 prescribes: the mean score of each of the
 * nine elements (1-4), each weighted exactly 1/9, summed (the index on 1-4), then multiplied
 * by 25 (the converted index on 25-100), and graded on the regulation's conversion table.
 */

export const SKM_ELEMENTS = [
  {
    key: 'u1',
    label: 'Persyaratan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    key: 'u2',
    label: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    key: 'u3',
    label: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  { key: 'u4', label: 'Biaya/tarif', question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  {
    key: 'u5',
    label: 'Produk spesifikasi jenis pelayanan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    key: 'u6',
    label: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    key: 'u7',
    label: 'Perilaku pelaksana',
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    key: 'u8',
    label: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  { key: 'u9', label: 'Sarana dan prasarana', question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
] as const;

export type ElementKey = (typeof SKM_ELEMENTS)[number]['key'];
export const ELEMENT_KEYS = SKM_ELEMENTS.map((e) => e.key) as ElementKey[];
export const ELEMENT_WEIGHT = 1 / 9;

export type Grade = 'A' | 'B' | 'C' | 'D';

/** The regulation's table: converted index (25-100) lower bounds, grade and performance. */
export const GRADES: { min: number; grade: Grade; performance: string; interval: string; converted: string }[] = [
  { min: 88.31, grade: 'A', performance: 'Sangat Baik', interval: '3,5324 – 4,00', converted: '88,31 – 100,00' },
  { min: 76.61, grade: 'B', performance: 'Baik', interval: '3,0644 – 3,532', converted: '76,61 – 88,30' },
  { min: 65.0, grade: 'C', performance: 'Kurang Baik', interval: '2,60 – 3,064', converted: '65,00 – 76,60' },
  { min: 25.0, grade: 'D', performance: 'Tidak Baik', interval: '1,00 – 2,5996', converted: '25,00 – 64,99' },
];

export interface IkmResult {
  respondents: number;
  elements: { key: ElementKey; label: string; mean: number; weighted: number }[];
  /** Sum of the weighted means, 1-4. */
  index: number;
  /** index x 25, rounded to two decimals as published. */
  score: number;
  grade: Grade;
  performance: string;
}

export function gradeOf(score: number): (typeof GRADES)[number] {
  return GRADES.find((g) => score >= g.min) ?? GRADES[GRADES.length - 1];
}

/** From the number of respondents and the sum of each element's scores. */
export function ikmFromSums(respondents: number, sums: Record<ElementKey, number>): IkmResult | null {
  if (!respondents) return null;
  const elements = SKM_ELEMENTS.map((e) => {
    const mean = sums[e.key] / respondents;
    return { key: e.key, label: e.label, mean, weighted: mean * ELEMENT_WEIGHT };
  });
  const index = elements.reduce((s, e) => s + e.weighted, 0);
  const score = Math.round(index * 25 * 100 + 1e-9) / 100;
  const g = gradeOf(score);
  return { respondents, elements, index, score, grade: g.grade, performance: g.performance };
}

export function ikmFromResponses(responses: Record<ElementKey, number>[]): IkmResult | null {
  const sums = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, responses.reduce((s, r) => s + r[k], 0)])) as Record<ElementKey, number>;
  return ikmFromSums(responses.length, sums);
}
