import type { Core } from '@strapi/strapi';
import { FIELD_LABELS, FIELD_LABELS_BY_MODEL } from './labels-id';
import { mainFieldUpdate } from './main-fields';

/** Fields the server keeps: read-only in the edit view. */
const SERVER_KEPT = ['version'];

/**
 * Puts the Indonesian labels into the content manager's view settings of our content types
 * and components. Only labels still equal to the field name are set, so a label an admin
 * changed in "Configure the view" is kept. Sets the main fields (main-fields.ts) likewise, and
 * makes the fields the server keeps (the version) read-only.
 */
export async function applyIndonesianLabels(strapi: Core.Strapi): Promise<number> {
  const cm = strapi.plugin('content-manager');
  let changed = 0;
  const models: { uid: string; service: any; short: string }[] = [
    ...Object.keys(strapi.contentTypes)
      .filter((uid) => uid.startsWith('api::') || uid === 'plugin::users-permissions.user')
      .map((uid) => ({ uid, service: cm.service('content-types'), short: uid.split('::')[1] })),
    ...Object.keys(strapi.components).map((uid) => ({ uid, service: cm.service('components'), short: uid })),
  ];
  for (const { uid, service, short } of models) {
    const model: any = uid.includes('::') ? strapi.contentTypes[uid as keyof typeof strapi.contentTypes] : strapi.components[uid as keyof typeof strapi.components];
    const configuration = await service.findConfiguration(model);
    const metadatas = { ...(configuration?.metadatas ?? {}) };
    let dirty = false;
    for (const field of Object.keys(metadatas)) {
      const label = FIELD_LABELS_BY_MODEL[short]?.[field] ?? FIELD_LABELS[field];
      if (!label) continue;
      for (const view of ['edit', 'list'] as const) {
        const current = metadatas[field]?.[view];
        if (current && current.label === field) {
          metadatas[field] = { ...metadatas[field], [view]: { ...current, label } };
          dirty = true;
        }
      }
    }
    // Shown, not typed: the version is the optimistic lock's (platform/document-middlewares/optimistic-lock.ts).
    for (const field of SERVER_KEPT) {
      const edit = metadatas[field]?.edit;
      if (edit && edit.editable !== false) {
        metadatas[field] = { ...metadatas[field], edit: { ...edit, editable: false } };
        dirty = true;
      }
    }
    // A relation to an SOP or a standard names its options by their main field too.
    for (const [field, attribute] of Object.entries<any>(model.attributes ?? {})) {
      const target = attribute.type === 'relation' ? strapi.contentTypes[attribute.target as keyof typeof strapi.contentTypes] : undefined;
      const edit = metadatas[field]?.edit;
      const relationMain = target && edit ? mainFieldUpdate(attribute.target, target.attributes as any, edit.mainField) : null;
      if (relationMain) {
        metadatas[field] = { ...metadatas[field], edit: { ...edit, mainField: relationMain } };
        dirty = true;
      }
    }
    let settings = configuration?.settings ?? {};
    const mainField = mainFieldUpdate(uid, model.attributes ?? {}, settings.mainField);
    if (mainField) {
      settings = { ...settings, mainField };
      dirty = true;
    }
    if (dirty) {
      await service.updateConfiguration(model, { ...configuration, settings, metadatas });
      changed += 1;
    }
  }
  return changed;
}
