import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { indonesianMessages } from './i18n/id';

/** Indonesian first; English on request. react-admin has no maintained Indonesian pack for v5, so we keep our own. */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? englishMessages : indonesianMessages), 'id', [
  { locale: 'id', name: 'Bahasa Indonesia' },
  { locale: 'en', name: 'English' },
]);
