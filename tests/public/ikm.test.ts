/** IKM per PermenPANRB 14/2017 on a worked example computed by hand. */
import { ELEMENT_WEIGHT, gradeOf, ikmFromResponses, type ElementKey } from '../../cms/src/core/ikm';
import { WORKED_EXAMPLE } from './worked-example';

const row = (scores: number[]) => Object.fromEntries(scores.map((s, i) => [`u${i + 1}`, s])) as Record<ElementKey, number>;

test('the worked example: element means, weights of exactly 1/9, index 3.2222, IKM 80.56, grade B', () => {
  const r = ikmFromResponses(WORKED_EXAMPLE.map(row))!;
  expect(ELEMENT_WEIGHT).toBe(1 / 9);
  expect(r.respondents).toBe(4);
  expect(r.elements.map((e) => e.mean)).toEqual([3.5, 3, 2.75, 4, 3.25, 3.25, 3.75, 2.75, 2.75]);
  expect(r.elements[0].weighted).toBeCloseTo(3.5 / 9, 12);
  expect(r.index).toBeCloseTo(29 / 9, 12);
  expect(r.score).toBe(80.56);
  expect(r.grade).toBe('B');
  expect(r.performance).toBe('Baik');
});

test('the extremes and the grade boundaries of the conversion table', () => {
  expect(ikmFromResponses([row([4, 4, 4, 4, 4, 4, 4, 4, 4])])).toMatchObject({ score: 100, grade: 'A' });
  expect(ikmFromResponses([row([1, 1, 1, 1, 1, 1, 1, 1, 1])])).toMatchObject({ score: 25, grade: 'D' });
  expect(ikmFromResponses([])).toBeNull();
  const g = (s: number) => gradeOf(s).grade;
  expect([g(88.31), g(88.3), g(76.61), g(76.6), g(65.0), g(64.99), g(25)]).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
  // Interval values of the table: 3.5324 x 25 = 88.31 (A), 3.532 x 25 = 88.30 (B), 2.60 x 25 = 65.00 (C).
  const one = (v: number) => ikmFromResponses([row(Array(9).fill(v))])!;
  expect(one(3).score).toBe(75);
  expect(one(3).grade).toBe('C');
});
