import type { Core } from '@strapi/strapi';

/**
 * Periodic work run once per cluster, not once per instance: a pg-boss schedule (pg-boss lets
 * one instance send each due job) on a queue any instance's worker takes.
 */
export interface Boss {
  createQueue(name: string, options?: Record<string, unknown>): Promise<unknown>;
  schedule(name: string, cron: string, data?: object | null, options?: Record<string, unknown>): Promise<unknown>;
  send(name: string, data: object | null, options?: Record<string, unknown>): Promise<string | null>;
  work(name: string, options: Record<string, unknown>, handler: (jobs: unknown[]) => Promise<unknown>): Promise<string>;
}

export async function oncePerCluster(strapi: Core.Strapi, boss: Boss, name: string, cron: string, work: () => Promise<unknown>): Promise<void> {
  await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 0, expireInSeconds: 3600 });
  await boss.schedule(name, cron, null, { tz: 'UTC' });
  await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    await work().catch((e: any) => strapi.log.warn(`${name}: ${e?.message ?? e}`));
  });
}
