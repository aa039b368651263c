import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENGINE_WRITTEN } from '../../../platform/document-middlewares/append-only';

/**
 * The content manager's writes that Strapi would answer with a 500, or offer where nothing may be
 * written, turned into refusals the CMS shows.
 */

/** Content-manager actions that write; read stays, so the history can be looked at in the CMS. */
const WRITE_ACTIONS = ['create', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);

/**
 * The engine alone writes case events and SOP versions (platform/document-middlewares/append-only.ts
 * refuses every document-service write of them). Their write actions are never registered for
 * them, so no role has them, the super admin included (Strapi gives it every registered action),
 * and the content manager shows no "create", edit or delete for them. Called in the content
 * manager's register, before its bootstrap registers the actions.
 */
export function keepEngineWrittenTypesReadOnly(strapi: Core.Strapi): void {
  const { actionProvider } = strapi.service('admin::permission') as any;
  actionProvider.hooks.willRegister.register(({ value }: { value: { actionId?: string; subjects?: string[] } }) => {
    if (value?.actionId && WRITE_ACTIONS.includes(value.actionId) && Array.isArray(value.subjects)) {
      value.subjects = value.subjects.filter((uid) => !(uid in ENGINE_WRITTEN));
    }
  });
}

/** Draft-and-publish actions of the content manager's collection types (routes …/actions/<name>). */
const DRAFT_ACTIONS = ['publish', 'unpublish', 'discard', 'bulkPublish', 'bulkUnpublish'];
export const NO_DRAFTS = 'Jenis data ini tidak memakai draf dan terbit: perubahan berlaku langsung saat disimpan';

type Controller = Record<string, (ctx: any) => unknown>;

/**
 * Publish, unpublish and discard on a type without drafts (letter templates, case events, …):
 * Strapi calls a document-service method those types don't have and answers 500. A 400 in
 * Indonesian instead; for engine-written types the same 403 as their other writes.
 */
export function refuseDraftActionsWithoutDrafts(controller: Controller): Controller {
  const guarded: Controller = { ...controller };
  for (const name of DRAFT_ACTIONS) {
    const action = controller[name];
    if (typeof action !== 'function') continue;
    guarded[name] = function (this: unknown, ctx: any) {
      const uid = ctx?.params?.model;
      if (typeof uid === 'string' && uid in ENGINE_WRITTEN) throw new errors.PolicyError(ENGINE_WRITTEN[uid]);
      const model: any = typeof uid === 'string' ? strapi.getModel(uid as any) : null; // (the global strapi: controllers run once it is loaded)
      if (model && model.options?.draftAndPublish !== true) throw new errors.ApplicationError(NO_DRAFTS);
      return action.call(this, ctx);
    };
  }
  return guarded;
}

export const NOT_ALLOWED = 'Anda tidak berwenang membuka atau mengubah data jenis ini di CMS';

type Policy = { handler: (this: unknown, ctx: any, config: unknown, deps: unknown) => boolean | Promise<boolean> } & Record<string, unknown>;

/**
 * The content manager's permission check, refusing in Indonesian (Strapi says "Policy Failed"):
 * for history and SOP versions it says why nobody may write them.
 */
export function explainRefusedPermissions(policy: Policy): Policy {
  const { handler } = policy;
  return {
    ...policy,
    async handler(this: unknown, ctx: any, config: unknown, deps: unknown) {
      if (await handler.call(this, ctx, config, deps)) return true;
      const uid = ctx?.params?.model;
      throw new errors.PolicyError(typeof uid === 'string' && uid in ENGINE_WRITTEN ? ENGINE_WRITTEN[uid] : NOT_ALLOWED);
    },
  };
}

/**
 * The relation lists of the content manager (relations/:model/[:id/]:targetField): when the role
 * may not read the field, Strapi's check returns ctx.forbidden()'s result and the caller
 * destructures it, so a refusal came out as a 500. Refused in Indonesian with a 403 instead.
 */
export function refuseUnreadableRelations(controller: Controller): Controller {
  const extract = controller.extractAndValidateRequestInfo as unknown as (this: unknown, ctx: any, id?: unknown) => Promise<{ source?: unknown } | undefined>;
  if (typeof extract !== 'function') return controller;
  return Object.assign(controller, {
    async extractAndValidateRequestInfo(this: unknown, ctx: any, id?: unknown) {
      const info = await extract.call(this, ctx, id);
      if (!info?.source) throw new errors.ForbiddenError(NOT_ALLOWED);
      return info;
    },
  });
}
