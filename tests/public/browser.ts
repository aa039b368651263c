/** Headless Chromium for page tests, with axe-core injected into the page under test. */
import fs from 'fs';
import type { Browser, Page } from 'puppeteer';
import { findChromium } from '../../cms/src/modules/documents/chromium-path';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser(): Promise<Browser> {
  const puppeteer = await import('puppeteer');
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
}

export async function openPage(browser: Browser, width = 1280): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  // The site's CSP forbids inline scripts; axe is injected by the test, not by the site.
  await page.setBypassCSP(true);
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs every axe-core rule on the page and returns the violations, briefly described. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
}
