import sanitizeHtml from 'sanitize-html';
import { SafeHtml } from './html';

/**
 * Text written in the CMS may carry a little markup (the source documents have <i>Photocopy</i>,
 * lists, bold). Only this allow-list survives; attributes, links, images, styles and scripts go,
 * so nothing an editor types can make a rendered page load or run anything.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'br', 'p', 'ul', 'ol', 'li'],
  allowedAttributes: {},
  allowedSchemes: [],
  disallowedTagsMode: 'discard',
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'svg', 'math'],
};

export function sanitizeRichText(input: string | null | undefined): string {
  return sanitizeHtml(input ?? '', OPTIONS).trim();
}

/** Rich text for a template: sanitized, with plain line breaks kept as <br>. */
export function rich(input: string | null | undefined): SafeHtml {
  const clean = sanitizeRichText(input);
  return new SafeHtml(/<(p|ul|ol|br)\b/i.test(clean) ? clean : clean.replace(/\r?\n/g, '<br>'));
}

/** Text without any markup, for places laid out as plain text (the SOP table, letters' values). */
export function plainText(input: string | null | undefined): string {
  return sanitizeHtml(input ?? '', { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
