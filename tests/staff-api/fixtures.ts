import { makeNik } from '../../cms/src/core/nik';

/**
 * Records for the staff API tests, made in-process through Strapi's document service (set-up,
 * not the thing under test). Three places: "home" (village 1 of district A of Magetan, the
 * village of magetan.desa1 and inside the district of magetan.kecamatan), "near" (a village of
 * district B of Magetan, outside both) and "other" (a village of Tarakan, another office).
 */

export type PlaceKey = 'home' | 'near' | 'other';
export const PLACES: readonly PlaceKey[] = ['home', 'near', 'other'];

export interface Place {
  key: PlaceKey;
  office: string;
  officeId: string;
  village: string;
  villageId: string;
  district: string;
  districtId: string;
}

let serial = 0;

async function regionId(strapi: any, code: string): Promise<string> {
  const r = await strapi.db.query('api::region.region').findOne({ where: { code } });
  return r.documentId;
}

export async function loadPlaces(strapi: any): Promise<Record<PlaceKey, Place>> {
  const regionOf = async (username: string) => (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } })).regionCode as string;
  const make = async (key: PlaceKey, office: string, village: string): Promise<Place> => {
    const o = await strapi.db.query('api::office.office').findOne({ where: { code: office } });
    return { key, office, officeId: o.documentId, village, villageId: await regionId(strapi, village), district: village.slice(0, 8), districtId: await regionId(strapi, village.slice(0, 8)) };
  };
  return {
    home: await make('home', 'magetan', await regionOf('magetan.desa1')),
    near: await make('near', 'magetan', await regionOf('magetan.desa3')),
    other: await make('other', 'tarakan', await regionOf('tarakan.desa1')),
  };
}

const docs = (strapi: any, uid: string) => strapi.documents(uid);

export async function makeApplicant(strapi: any, place: Place): Promise<any> {
  serial += 1;
  const sex = serial % 2 ? 'male' : 'female';
  const birthDate = `19${60 + (serial % 39)}-0${1 + (serial % 9)}-1${serial % 9}`;
  return docs(strapi, 'api::applicant.applicant').create({
    data: { nik: makeNik(place.district, birthDate, sex, 5000 + serial), name: `Uji Pemohon ${serial}`, sex, birthDate, villageCode: place.village, phone: `08123${String(100000 + serial)}` },
  });
}

export async function publishedStandard(strapi: any, office: string, slug?: string): Promise<any> {
  const [std] = await docs(strapi, 'api::service-standard.service-standard').findMany({
    filters: { officeCode: office, ...(slug ? { slug } : {}) },
    status: 'published',
    sort: 'title:desc',
    limit: 1,
  });
  return std;
}

export async function makeBatch(strapi: any, place: Place, status: string, level: 'village' | 'office' = 'village'): Promise<any> {
  serial += 1;
  return docs(strapi, 'api::batch.batch').create({
    data: {
      code: `UJI/${place.office}/${serial}`,
      level,
      month: '2026-10',
      status,
      office: place.officeId,
      officeCode: place.office,
      ...(level === 'village' ? { region: place.villageId, regionCode: place.village, villageCode: place.village, districtCode: place.district } : {}),
    },
  });
}

export async function makeCase(strapi: any, place: Place, applicant: any, batch?: any): Promise<any> {
  serial += 1;
  const std = await publishedStandard(strapi, place.office);
  return docs(strapi, 'api::case.case').create({
    data: {
      code: `UJI-${place.office}-${serial}`,
      service: std.documentId,
      serviceSlug: std.slug,
      applicant: applicant.documentId,
      office: place.officeId,
      officeCode: place.office,
      villageCode: place.village,
      districtCode: place.district,
      currentActivity: 1,
      currentExecutor: 'uji',
      queueRoles: '|petugas|',
      status: 'in-progress',
      priority: 'regular',
      receivedAt: new Date(),
      dueAt: new Date(Date.now() + 86400_000),
      version: 1,
      ...(batch ? { batch: batch.documentId } : {}),
    },
  });
}

/** An event written the engine's way (history.record): the document service refuses to write history. */
export async function makeCaseEvent(strapi: any, kase: any): Promise<any> {
  const [id] = await strapi
    .service('api::case-event.history')
    .record(strapi.db.connection, [{ caseId: kase.id, caseCode: kase.code, officeCode: kase.officeCode, action: 'note', note: 'uji', at: new Date() }]);
  return strapi.db.query('api::case-event.case-event').findOne({ where: { id } });
}

export async function makeLetter(strapi: any, place: Place, kase?: any): Promise<any> {
  serial += 1;
  return docs(strapi, 'api::letter.letter').create({
    data: { kind: 'uji', subject: `Surat uji ${serial}`, status: 'draft', office: place.officeId, officeCode: place.office, ...(kase ? { case: kase.documentId } : {}) },
  });
}

export async function makeComplaint(strapi: any, place: Place): Promise<any> {
  serial += 1;
  return docs(strapi, 'api::complaint.complaint').create({
    data: {
      trackingCode: `UJI-${serial}-${Date.now()}`,
      channel: 'web',
      text: 'Pengaduan uji',
      reporterName: 'Pelapor',
      contact: '081234567890',
      status: 'new',
      receivedAt: new Date(),
      office: place.officeId,
      officeCode: place.office,
    },
  });
}

export async function makeSurvey(strapi: any, place: Place): Promise<any> {
  const std = await publishedStandard(strapi, place.office);
  return docs(strapi, 'api::survey-response.survey-response').create({
    data: { service: std.documentId, serviceSlug: std.slug, office: place.officeId, officeCode: place.office, u1: 4, u2: 3, u3: 4, u4: 3, u5: 4, u6: 3, u7: 4, u8: 3, u9: 4, submittedAt: new Date() },
  });
}

export async function makeUser(strapi: any, place: Place, roleType = 'operator-desa'): Promise<any> {
  serial += 1;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const username = `uji.${place.office}.${serial}.${Date.now() % 100000}`;
  return docs(strapi, 'plugin::users-permissions.user').create({
    data: {
      username,
      email: `${username}@uji.layanan-pbi.id`,
      password: 'Kata-Sandi-Uji-2026',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.documentId,
      office: place.officeId,
      officeCode: place.office,
      ...(roleType === 'operator-desa' ? { region: place.villageId, regionCode: place.village } : {}),
    },
  });
}
