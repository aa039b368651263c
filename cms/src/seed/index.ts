import type { Core } from '@strapi/strapi';
import { applyIndonesianLabels } from '../modules/authoring';
import { seedDemoCmsAdmin } from './cms-admin';
import { seedDemoOfficeAdmins, seedOfficeAdminRole } from './cms-office-admins';
import { seedDemoPopulation } from './demo-population';
import { loadDocumentSeeds, seedDocuments } from './documents';
import { seedLetterTemplates } from './letter-templates';
import { loadOfficeSeeds, seedOffices } from './offices';
import { seedRegions } from './regions';
import { seedRoles } from './roles';
import { DEMO_DISTRICTS, demoUsersOf, seedDemoUsers } from './users';

export interface SeedOptions {
  /** Demo accounts and population; off in production unless SEED_DEMO=true. */
  demo: boolean;
}

export interface SeedSummary {
  createdDocuments: number;
  demo?: { applicants: number; cases: number; events: number; users: number };
  ms: number;
}

/**
 * Seeds what is missing and nothing else: running it twice changes nothing, and content an
 * office has edited in the CMS is never overwritten.
 */
export async function seedAll(strapi: Core.Strapi, options: SeedOptions): Promise<SeedSummary> {
  const t0 = Date.now();
  const officeSeeds = loadOfficeSeeds();
  const roleIds = await seedRoles(strapi);
  const regionIds = await seedRegions(
    strapi,
    officeSeeds.map((o) => o.regencyCode),
  );
  const offices = await seedOffices(strapi, officeSeeds);
  const createdDocuments = await seedDocuments(strapi, loadDocumentSeeds(), offices);
  await applyIndonesianLabels(strapi);
  await seedLetterTemplates(strapi, offices);
  const officeAdminRole = await seedOfficeAdminRole(strapi);
  const summary: SeedSummary = { createdDocuments, ms: 0 };
  if (options.demo) {
    const codes = [...regionIds.keys()].sort();
    const villagesOf = (district: string) => codes.filter((c) => c.length === 13 && c.startsWith(`${district}.`));
    const districtsOf = (regency: string) => codes.filter((c) => c.length === 8 && c.startsWith(`${regency}.`));
    const users = officeSeeds.flatMap((o) => demoUsersOf(o.code, villagesOf));
    const userIds = await seedDemoUsers(strapi, users, roleIds, offices, regionIds);
    const staffOf = (office: string, role: string) => {
      const u = users.find((x) => x.office === office && x.role === role);
      return u ? { id: userIds.get(u.username)!, username: u.username } : undefined;
    };
    const population = await seedDemoPopulation(strapi, {
      offices: officeSeeds,
      officeIds: offices,
      regionIds,
      villagesOf,
      districtsOf,
      demoDistricts: DEMO_DISTRICTS,
      staffOf,
    });
    await seedDemoCmsAdmin(strapi);
    await seedDemoOfficeAdmins(strapi, officeAdminRole);
    summary.demo = { ...population, users: users.length };
  }
  summary.ms = Date.now() - t0;
  return summary;
}
