/**
 * The field that names an entry in the CMS: an edit page's title, a collapsed component's
 * heading, a relation picker's option. Strapi takes the first string field, which is the office
 * code of every SOP and standard and the executor key of every activity.
 */
export const MAIN_FIELDS: Record<string, string> = {
  'api::sop.sop': 'name',
  'api::service-standard.service-standard': 'title',
  'sop.activity': 'text',
  'sop.executor': 'label',
};

/** Strapi's own choice (content-manager getDefaultMainField): the first string attribute, else id. */
function strapiDefault(attributes: Record<string, { type?: string }>): string {
  return Object.keys(attributes).find((k) => attributes[k]?.type === 'string' && k !== 'id') ?? 'id';
}

/** The main field to store, or null to keep the current one (ours already, or one an admin chose). */
export function mainFieldUpdate(uid: string, attributes: Record<string, { type?: string }>, current: string | undefined): string | null {
  const wanted = MAIN_FIELDS[uid];
  if (!wanted || current === wanted || !(wanted in attributes)) return null;
  return current === undefined || current === strapiDefault(attributes) ? wanted : null;
}
