import type { Core } from '@strapi/strapi';
import { FIELD_LABELS, FIELD_LABELS_BY_MODEL } from './labels-id';

/**
 * Puts the Indonesian labels into the content manager's view settings of our content types
 * and components. Only labels still equal to the field name are set, so a label an admin
 * changed in "Configure the view" is kept.
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
    if (dirty) {
      await service.updateConfiguration(model, { ...configuration, metadatas });
      changed += 1;
    }
  }
  return changed;
}
