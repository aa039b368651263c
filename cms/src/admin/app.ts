import { INDONESIAN } from './translations-id';

/**
 * Strapi admin (the CMS) customisation: its Indonesian translation, shipped with Strapi, is
 * offered beside English, with the strings it lacks filled in. Office admins' accounts are
 * seeded with it as their language (cms/src/seed/cms-office-admins.ts); anyone may switch in
 * their profile. Dates then read day/month/year.
 */
export default {
  config: {
    locales: ['id'],
    translations: { id: INDONESIAN },
  },
  bootstrap() {},
};
