import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { appMessages } from './i18n/app';
import { raIndonesian } from './i18n/id';
import { mergeMessages, type FolderMessages, type MessageTree } from './i18n/merge';

/**
 * Messages of the panel: react-admin's own (ra.*, our complete Indonesian in i18n/id.ts), the
 * app's (i18n/app.ts: menu, layout, shared words), then every resource folder's.
 *
 * To add a folder's messages, create `admin/src/<folder>/messages.ts` exporting
 *   export const messages: FolderMessages = { id: { resources: { <name>: { name, fields } }, <folder>: {…} }, en: {…} };
 * with the same keys in both languages. It is picked up here by import.meta.glob (nothing to
 * register), and tests/panel/i18n.test.ts checks that id and en have the same keys.
 * Put a folder's own texts under its own top-level key (e.g. `batches.recap.title`) or under
 * `resources.<name>` so that folders never overwrite each other.
 */
const folders = import.meta.glob<{ messages: FolderMessages }>('./*/messages.ts', { eager: true });
const folderMessages = Object.keys(folders)
  .sort()
  .map((path) => folders[path].messages);

const build = (lang: 'id' | 'en', ra: TranslationMessages) => mergeMessages(ra as unknown as MessageTree, appMessages[lang], ...folderMessages.map((m) => m[lang])) as unknown as TranslationMessages;

const catalogs = { id: build('id', raIndonesian), en: build('en', englishMessages) };

export const LOCALES = [
  { locale: 'id', name: 'Bahasa Indonesia' },
  { locale: 'en', name: 'English' },
];

/** Indonesian first; English on request (the app bar's language menu; react-admin's store remembers the choice). */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? catalogs.en : catalogs.id), 'id', LOCALES, { allowMissing: true });
