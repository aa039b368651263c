import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bulkInsert } from '../platform/bulk-insert';

const REGION_UID = 'api::region.region';

interface AreaRow {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
  parentCode?: string;
}

/** Reads a CSV of idn-area-data (simple: no quoted commas in the columns used here). */
function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(','));
}

/** Province, regency, districts and villages of the given regencies, from the maintained idn-area-data package. */
export function loadAreas(regencyCodes: string[]): AreaRow[] {
  const dataDir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
  const regencies = new Set(regencyCodes);
  const provinces = new Set(regencyCodes.map((c) => c.slice(0, 2)));
  const rows: AreaRow[] = [];
  for (const [code, name] of readCsv(path.join(dataDir, 'provinces.csv'))) {
    if (provinces.has(code)) rows.push({ code, name, level: 'province' });
  }
  for (const [code, province, name] of readCsv(path.join(dataDir, 'regencies.csv'))) {
    if (regencies.has(code)) rows.push({ code, name, level: 'regency', parentCode: province });
  }
  for (const [code, regency, name] of readCsv(path.join(dataDir, 'districts.csv'))) {
    if (regencies.has(regency)) rows.push({ code, name, level: 'district', parentCode: regency });
  }
  for (const [code, district, name] of readCsv(path.join(dataDir, 'villages.csv'))) {
    if (regencies.has(district.slice(0, 5))) rows.push({ code, name, level: 'village', parentCode: district });
  }
  return rows;
}

/** Inserts the regions that are missing, parents first; returns region ids by code. */
export async function seedRegions(strapi: Core.Strapi, regencyCodes: string[]): Promise<Map<string, number>> {
  const existing = await strapi.db.connection('regions').select('id', 'code');
  const ids = new Map<string, number>(existing.map((r: any) => [r.code, r.id]));
  const areas = loadAreas(regencyCodes);
  for (const level of ['province', 'regency', 'district', 'village'] as const) {
    const missing = areas.filter((a) => a.level === level && !ids.has(a.code));
    if (!missing.length) continue;
    const newIds = await bulkInsert(
      strapi,
      REGION_UID,
      missing.map((a) => ({
        data: { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode ?? null },
        links: { parent: a.parentCode ? ids.get(a.parentCode) : undefined },
      })),
    );
    missing.forEach((a, i) => ids.set(a.code, newIds[i]));
  }
  return ids;
}
