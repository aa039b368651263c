import { makeNik, type Sex } from '../core/nik';
import { NAMES, prng } from './names';

export type Rng = ReturnType<typeof prng>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * One synthetic person living in a real village: a NIK whose district and birth-date parts
 * are right, a KK of the same district, a local name. `serial` keeps NIKs unique.
 */
export function syntheticApplicant(rnd: Rng, officeCode: string, villageCode: string, serial: number, membership: string) {
  const names = NAMES[officeCode] ?? NAMES.magetan;
  const district = villageCode.slice(0, 8);
  const sex: Sex = rnd.next() < 0.5 ? 'male' : 'female';
  const birthDate = `${rnd.int(1940, 2020)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const nikSerial = serial % 9999;
  // Unique NIK per serial: the birth-date part varies with it beyond 9,999 people per district.
  const nik = makeNik(district, birthDate, sex, nikSerial);
  return {
    nik,
    kkNumber: `${district.replace(/\./g, '')}${pad(rnd.int(1, 28))}${pad(rnd.int(1, 12))}${pad(rnd.int(5, 24))}${pad((serial % 9999) + 1, 4)}`,
    name: `${rnd.pick(sex === 'male' ? names.male : names.female)} ${rnd.pick(names.family)}`,
    sex,
    birthPlace: officeCode === 'karangasem' ? 'Amlapura' : officeCode.charAt(0).toUpperCase() + officeCode.slice(1),
    birthDate,
    address: `RT ${pad(rnd.int(1, 12), 3)}/RW ${pad(rnd.int(1, 6), 3)}`,
    villageCode,
    districtCode: district,
    officeCode,
    phone: `08${rnd.int(11, 99)}${rnd.int(1000000, 99999999)}`,
    welfareSource: rnd.next() < 0.7 ? 'DTSEN' : 'DTKS',
    welfareDecile: rnd.int(1, 6),
    jknNumber: membership === 'none' ? null : `000${rnd.int(1000000000, 9999999999)}`,
    membership,
  };
}

/** Membership an applicant of a service typically has when the case opens. */
export function membershipFor(serviceSlug: string): string {
  if (/reaktivasi|akses/.test(serviceSlug)) return 'inactive';
  if (/mutasi/.test(serviceSlug)) return 'pbi-pemda';
  if (/peralihan/.test(serviceSlug)) return 'mandiri';
  return 'none';
}
