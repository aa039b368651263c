/** Staff API of the dashboard's figures: GET /api/panel/stats/<name>. */
import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reply = (method: string) => async (ctx: any) => {
    ctx.body = await (strapi.service('api::stats.stats') as any)[method](ctx.state.staff, ctx.query ?? {});
  };
  return {
    casesByService: reply('casesByService'),
    slaByActivity: reply('slaByActivity'),
    slaByMonth: reply('slaByMonth'),
    backlogByVillage: reply('backlogByVillage'),
    ikm: reply('ikm'),
  };
};
