import type { Core } from '@strapi/strapi';
import { applicantScope } from './document-middlewares/applicant-scope';
import { validateIdentity } from './document-middlewares/validate-identity';
import { bootstrapPanel } from './api/panel/lib/bootstrap';
import { seedAll } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Cross-cutting rules on every write, whichever API or the CMS makes it.
    strapi.documents.use(applicantScope(strapi));
    strapi.documents.use(validateIdentity(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.SEED !== 'false') {
      const demo = process.env.SEED_DEMO ? process.env.SEED_DEMO === 'true' : process.env.NODE_ENV !== 'production';
      const summary = await seedAll(strapi, { demo });
      strapi.log.info(`Seed: ${summary.createdDocuments} service(s) created${summary.demo ? `, demo ${summary.demo.applicants} applicants, ${summary.demo.cases} cases` : ''} in ${summary.ms} ms`);
    }
    // After the seed: the staff API's search indexes are made per office.
    await bootstrapPanel(strapi);
  },
};
