/** The panel's NIK reading (admin/src/applicants/nik.ts), on the server's rules. Pure. */
import { readNik } from '../../admin/src/applicants/nik';
import { makeNik } from '../../cms/src/core/nik';

const today = new Date('2026-10-10T00:00:00Z');

test.each([
  ['', { state: 'incomplete', digits: 0 }],
  ['3520', { state: 'incomplete', digits: 4 }],
  ['3520a', { state: 'invalid', message: 'NIK hanya berisi angka' }],
])('%p while typing', (nik, expected) => {
  expect(readNik(nik, today)).toEqual(expected);
});

test('a woman born in 1985: birth date and sex read from the NIK', () => {
  const nik = makeNik('35.20.01', '1985-03-07', 'female', 12);
  expect(nik.slice(6, 12)).toBe('470385');
  expect(readNik(nik, today)).toEqual({ state: 'valid', birthDate: '1985-03-07', sex: 'female', districtCode: '35.20.01' });
});

test('a boy born in 2019 gets this century', () => {
  expect(readNik(makeNik('35.20.01', '2019-12-31', 'male', 3), today)).toMatchObject({ birthDate: '2019-12-31', sex: 'male' });
});

test.each([
  ['3520013102850001', 'bukan tanggal yang valid'],
  ['3520010703850000', 'tidak boleh 0000'],
  ['0520010703850001', 'kode provinsi'],
])('%s is refused with the server message (%s)', (nik, part) => {
  const r = readNik(nik, today);
  expect(r.state).toBe('invalid');
  expect((r as { message: string }).message).toContain(part);
});
