/**
 * Staff API of the case engine: open a case, list the actions the user may take now, take one
 * (POST /api/panel/cases/:id/actions/:action with the case's version), read the timeline, read
 * one of the case's files (GET /api/panel/cases/:id/files/:fileId).
 * Thin: everything is decided in strapi.service('api::case.engine').
 */
import type { Core } from '@strapi/strapi';
import { setInertHeaders } from '../../../modules/files';

const engine = (strapi: Core.Strapi) => strapi.service('api::case.engine') as any;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async open(ctx: any) {
    ctx.status = 201;
    ctx.body = { data: await engine(strapi).open(ctx.state.staff, ctx.request.body) };
  },
  async actions(ctx: any) {
    ctx.body = { data: await engine(strapi).view(ctx.state.staff, ctx.params.id) };
  },
  async act(ctx: any) {
    const { id, action } = ctx.params;
    ctx.body = { data: await engine(strapi).act(ctx.state.staff, id, action, ctx.request.body ?? {}, ctx.request.files, ctx.state.user) };
  },
  /** Streams a case file inline; never cached, since it holds personal data; inert whatever it holds. */
  async file(ctx: any) {
    const file = await engine(strapi).file(ctx.state.staff, ctx.params.id, ctx.params.fileId);
    ctx.attachment(file.name, { type: 'inline' });
    ctx.type = file.mime;
    ctx.length = file.size;
    ctx.set('Cache-Control', 'private, no-store');
    setInertHeaders(ctx, file.mime);
    ctx.body = file.stream;
  },
  async timeline(ctx: any) {
    ctx.body = { data: await engine(strapi).timeline(ctx.state.staff, ctx.params.id) };
  },
});
