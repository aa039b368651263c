import type { Core } from '@strapi/strapi';

interface PluginServer {
  routes?: Record<string, unknown> | unknown[];
  bootstrap?: (args: { strapi: Core.Strapi }) => unknown;
}

/**
 * Removes a plugin's REST routes under /api (its "content-api" router) from a plugin extension
 * (src/extensions/<plugin>/strapi-server.ts). Its CMS routes stay. Nobody outside the CMS uses
 * these routes: staff have the staff API, the public has the public site (security/surface.ts).
 */
export function withoutContentApi<T extends PluginServer>(plugin: T): T {
  if (plugin.routes && !Array.isArray(plugin.routes)) delete plugin.routes['content-api'];
  return plugin;
}

/** Runs `after` once the plugin's own bootstrap is done. */
export function afterBootstrap<T extends PluginServer>(plugin: T, after: (strapi: Core.Strapi) => Promise<void>): T {
  const own = plugin.bootstrap;
  plugin.bootstrap = async (args) => {
    await own?.(args);
    await after(args.strapi);
  };
  return plugin;
}
