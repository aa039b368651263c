/**
 * Puppeteer never downloads its own browser here: PDFs and page tests use the system
 * Chromium (Debian: `apt-get install -y chromium`), found by cms/src/api/document/services/browser-path.ts.
 */
module.exports = { skipDownload: true };
