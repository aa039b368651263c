/**
 * Many instances, one system: what must be shared between the instances of a cluster (several
 * identical servers behind a load balancer on one PostgreSQL) — rate limits counted in one
 * store, caches forgotten everywhere through a notification bus. On SQLite, one machine, all of
 * it stays in the process. Started in bootstrap, stopped in destroy (cms/src/index.ts).
 */
import type { Core } from '@strapi/strapi';
import { startBus, stopBus } from './bus';
import { startLimiterStore, stopLimiterStore } from './limiter';

export { announce, onClusterEvent, type ClusterEvent } from './bus';
export { jobObjects, s3, s3Settings, S3CaseFileStore } from './s3';
export { oncePerCluster, type Boss } from './periodic';
export { sharedLimiter, removeExpiredLimits, limiterStoreKind, type LimitSpec, type SharedLimiter } from './limiter';

export async function startCluster(strapi: Core.Strapi): Promise<void> {
  await startLimiterStore(strapi);
  await startBus(strapi);
}

export async function stopCluster(): Promise<void> {
  await stopBus();
  await stopLimiterStore();
}
