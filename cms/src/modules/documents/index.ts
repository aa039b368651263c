/**
 * Documents: the HTML templates and the Puppeteer page pool that render standards, SOPs (with
 * their flowchart) and letters to PDF, and the register of the letters cases produce.
 * Strapi reaches the services as api::document.* and api::letter.letters.
 * This file is the module's front door: other code imports only from here.
 */
export { default as documentServiceFactory } from './document';
export { formatDateId } from './format';
export { html, raw, type SafeHtml, text } from './html';
export { default as letterRegisterServiceFactory } from './letter-register';
export { default as lettersServiceFactory } from './letters';
export { type OfficeView, type StandardView } from './models';
export { default as pdfServiceFactory } from './pdf';
export { checkTemplateText } from './placeholders';
export { FLOW_CSS, procedureFlowHtml, procedureNodes } from './procedure-flow';
export { rich } from './sanitize';
export { default as viewsServiceFactory } from './views';
