import type { Core } from '@strapi/strapi';
import { parseListQuery, modelInfo, recordsService, type ListResult, writesService } from '../../../modules/staff-api';
import type { ResourceDefinition } from '../../../modules/staff-api';

/** ra-data-simple-rest's Content-Range: "cases 0-24/1200", or "cases *\/1200" for an empty page. */
export function contentRange(resource: string, result: ListResult): string {
  const { start, total, records } = result;
  return records.length ? `${resource} ${start}-${start + records.length - 1}/${total}` : `${resource} */${total}`;
}

/** The generic resource endpoints; the resource comes from the route (middleware panel-resource). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const def = (ctx: any): ResourceDefinition => ctx.state.panelResource;
  return {
    async list(ctx: any) {
      const query = parseListQuery(def(ctx), modelInfo(strapi, def(ctx).uid), ctx.query);
      const result = await recordsService(strapi).list(def(ctx), ctx.state.staff, query);
      ctx.set('Content-Range', contentRange(def(ctx).name, result));
      if (!result.exact) ctx.set('X-Total-Estimated', 'true');
      ctx.body = result.records;
    },
    async findOne(ctx: any) {
      ctx.body = await recordsService(strapi).getOne(def(ctx), ctx.state.staff, ctx.params.id);
    },
    async create(ctx: any) {
      ctx.status = 201;
      ctx.body = await writesService(strapi).create(def(ctx), ctx.state.staff, ctx.request.body);
    },
    async update(ctx: any) {
      ctx.body = await writesService(strapi).update(def(ctx), ctx.state.staff, ctx.params.id, ctx.request.body);
    },
    async delete(ctx: any) {
      ctx.body = await writesService(strapi).remove(def(ctx), ctx.state.staff, ctx.params.id);
    },
  };
};
