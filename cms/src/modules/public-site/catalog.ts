import type { Core } from '@strapi/strapi';

const STANDARD_UID = 'api::service-standard.service-standard';

export interface ServiceSummary {
  slug: string;
  title: string;
  officeCode: string;
}

/** What the public may read: offices and their published standards (never drafts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Codes of the offices whose name, government, unit or regency contains the words (a handful of rows). */
  const officesMatching = async (q: string): Promise<string[]> => {
    const rows = await strapi.db.query('api::office.office').findMany({
      select: ['code'],
      where: { $or: [{ name: { $containsi: q } }, { government: { $containsi: q } }, { unit: { $containsi: q } }, { regency: { name: { $containsi: q } } }] },
    });
    return rows.map((r: any) => r.code);
  };

  return {
    async offices() {
      return strapi.db.query('api::office.office').findMany({ select: ['code', 'name', 'government', 'address', 'phone', 'email', 'website'], orderBy: { name: 'asc' } });
    },

    /** Published standards; `q` is matched (escaped, case-insensitive) in the title, service name, requirements, procedure, products and office. */
    async publishedServices(filters: { q?: string; officeCode?: string } = {}): Promise<ServiceSummary[]> {
      const and: any[] = [];
      const q = (filters.q ?? '').trim().slice(0, 100);
      if (q) {
        const officeCodes = await officesMatching(q);
        const fields = [
          { title: { $containsi: q } },
          { serviceName: { $containsi: q } },
          { requirements: { text: { $containsi: q } } },
          { procedureSteps: { text: { $containsi: q } } },
          { products: { text: { $containsi: q } } },
        ];
        and.push({ $or: officeCodes.length ? [...fields, { officeCode: { $in: officeCodes } }] : fields });
      }
      if (filters.officeCode) and.push({ officeCode: filters.officeCode });
      const rows = await strapi
        .documents(STANDARD_UID)
        .findMany({ status: 'published', filters: and.length ? { $and: and } : {}, fields: ['slug', 'title', 'officeCode'], sort: 'title:asc', limit: 500 } as any);
      return rows.map((r: any) => ({ slug: r.slug, title: r.title, officeCode: r.officeCode }));
    },

    /** The published standard with its SOP; null for drafts and unknown slugs. */
    async publishedStandard(slug: string) {
      return strapi.service('api::document.views').standardBySlug(slug, 'published');
    },
  };
};
