import type { Core } from '@strapi/strapi';
import { PagePool, type PdfRequest } from './page-pool';

/**
 * The process-wide page pool. Chromium starts on the first render (not at boot, so a server
 * without Chromium still serves everything but PDFs) and is closed when Strapi stops.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let pool: PagePool | undefined;
  const blocked: string[] = [];
  return {
    pool(): PagePool {
      if (!pool) {
        pool = new PagePool({
          size: Number(process.env.PDF_POOL_SIZE) || 4,
          timeoutMs: Number(process.env.PDF_TIMEOUT_MS) || 60_000,
          onBlocked: (url) => {
            blocked.push(url);
            if (blocked.length > 200) blocked.shift();
            strapi.log.warn(`PDF render: blocked a request to ${url.slice(0, 200)}`);
          },
        });
      }
      return pool;
    },
    render(request: PdfRequest): Promise<Buffer> {
      return this.pool().pdf(request);
    },
    /** Recent requests refused by the pool (newest last). */
    blockedRequests(): string[] {
      return [...blocked];
    },
    async close(): Promise<void> {
      await pool?.close();
      pool = undefined;
    },
  };
};
