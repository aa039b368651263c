import type { Browser, HTTPRequest, Page, PDFOptions } from 'puppeteer';
import { findChromium } from './chromium-path';

export interface PoolOptions {
  /** Pages rendered at the same time (each has its own renderer process). */
  size?: number;
  executablePath?: string;
  /** Longest a single render may take before its page is thrown away. */
  timeoutMs?: number;
  /** Called for every request a rendered page tried and was refused (tests and logs). */
  onBlocked?: (url: string) => void;
}

export interface PdfRequest {
  /** A whole document; its @page rules set the size, margins and page numbers. */
  html: string;
  /**
   * Tagged PDF (structure for screen readers), on by default: published documents are read on
   * screens. Letters go to paper and skip it, which renders about a third faster.
   */
  tagged?: boolean;
}

const LAUNCH_ARGS = [
  '--no-sandbox', // runs as root in containers; pages load nothing but our own HTML
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--font-render-hinting=none',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--mute-audio',
  '--hide-scrollbars',
];

class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

/**
 * One warm Chromium and a pool of reused pages. A page is set up once: no JavaScript, and every
 * request except inline data: URLs aborted, so a rendered document can read nothing from the
 * network or the disk. When Chromium dies the pool forgets it and the next render launches a
 * new one.
 */
export class PagePool {
  readonly size: number;
  private browser?: Promise<Browser>;
  private generation = 0;
  private idle: { page: Page; generation: number }[] = [];
  private slots: Semaphore;
  private closed = false;
  launches = 0;

  constructor(private options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 4);
    this.slots = new Semaphore(this.size);
  }

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const executablePath = this.options.executablePath ?? findChromium();
    this.generation += 1;
    const generation = this.generation;
    this.launches += 1;
    this.browser = (async () => {
      const puppeteer = await import('puppeteer');
      const browser = await puppeteer.launch({ executablePath, headless: true, args: LAUNCH_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
      browser.on('disconnected', () => {
        if (this.generation !== generation) return;
        this.browser = undefined;
        this.idle = [];
      });
      return browser;
    })();
    this.browser.catch(() => {
      this.browser = undefined;
    });
    return this.browser;
  }

  private async newPage(): Promise<{ page: Page; generation: number }> {
    const browser = await this.launch();
    const generation = this.generation;
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith('data:')) {
        void request.continue();
        return;
      }
      this.options.onBlocked?.(url);
      void request.abort('blockedbyclient');
    });
    return { page, generation };
  }

  private async take(): Promise<{ page: Page; generation: number }> {
    while (this.idle.length) {
      const entry = this.idle.pop()!;
      if (entry.generation === this.generation && !entry.page.isClosed()) return entry;
    }
    return this.newPage();
  }

  /** Runs `work` on a pooled page; a page that failed is closed rather than reused. */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('PagePool is closed');
    await this.slots.acquire();
    let entry: { page: Page; generation: number } | undefined;
    let healthy = false;
    try {
      entry = await this.take();
      const result = await withTimeout(work(entry.page), this.options.timeoutMs ?? 60_000);
      healthy = true;
      return result;
    } finally {
      if (entry) {
        if (healthy && !this.closed && entry.generation === this.generation && !entry.page.isClosed()) this.idle.push(entry);
        else void entry.page.close().catch(() => {});
      }
      this.slots.release();
    }
  }

  async pdf(request: PdfRequest): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setContent(request.html, { waitUntil: 'load' });
      const options: PDFOptions = { printBackground: true, preferCSSPageSize: true, tagged: request.tagged !== false };
      return Buffer.from(await page.pdf(options));
    });
  }

  /** The process of the current browser, if one runs (tests kill it to prove the restart). */
  async browserProcessId(): Promise<number | undefined> {
    if (!this.browser) return undefined;
    return (await this.browser).process()?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.idle = [];
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => {});
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Render took longer than ${ms} ms`)), ms);
    }),
  ]);
}
