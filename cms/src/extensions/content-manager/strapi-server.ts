import { explainRefusedPermissions, keepEngineWrittenTypesReadOnly, refuseDraftActionsWithoutDrafts, refuseUnreadableRelations } from '../../modules/authoring';

/** The content manager with its write guards (modules/authoring/content-manager/write-guards.ts). */
export default (plugin: any) => {
  plugin.controllers['collection-types'] = refuseDraftActionsWithoutDrafts(plugin.controllers['collection-types']);
  plugin.controllers.relations = refuseUnreadableRelations(plugin.controllers.relations);
  plugin.policies.hasPermissions = explainRefusedPermissions(plugin.policies.hasPermissions);
  const register = plugin.register;
  plugin.register = async (args: { strapi: any }) => {
    keepEngineWrittenTypesReadOnly(args.strapi);
    return register?.(args);
  };
  return plugin;
};
