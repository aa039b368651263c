/** Staff API of monthly batches: recaps by village, district and office; send to BPJS; cleansing results. */
import type { Core } from '@strapi/strapi';

const batches = (strapi: Core.Strapi) => strapi.service('api::batch.batches') as any;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async villageRecap(ctx: any) {
    ctx.status = 201;
    ctx.body = { data: await batches(strapi).villageRecap(ctx.state.staff, ctx.request.body) };
  },
  async districtRecap(ctx: any) {
    ctx.status = 201;
    ctx.body = { data: await batches(strapi).districtRecap(ctx.state.staff, ctx.request.body) };
  },
  async officeRecap(ctx: any) {
    ctx.status = 201;
    ctx.body = { data: await batches(strapi).officeRecap(ctx.state.staff, ctx.request.body) };
  },
  async send(ctx: any) {
    ctx.body = { data: await batches(strapi).send(ctx.state.staff, ctx.params.id) };
  },
  async result(ctx: any) {
    ctx.body = { data: await batches(strapi).recordResults(ctx.state.staff, ctx.params.id, ctx.request.body) };
  },
  async lines(ctx: any) {
    ctx.body = { data: await batches(strapi).lines(ctx.state.staff, ctx.params.id) };
  },
});
