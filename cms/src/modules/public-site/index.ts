/**
 * The public site (no login): standards and their PDFs, complaints, the SKM survey and IKM,
 * with its per-visitor limits. Strapi reaches the services as api::public-site.*.
 * This file is the module's front door: other code imports only from here.
 */
export { default as catalogServiceFactory } from './catalog';
export { homePage, searchPage, standardPage } from './catalog-pages';
export { default as complaintsServiceFactory } from './complaints';
export { complaintFormPage, complaintSentPage, complaintStatusPage, ikmPage, surveyFormPage, surveyThanksPage } from './form-pages';
export { messagePage } from './layout';
export { default as limitsServiceFactory, type PublicForm } from './limits';
export { registerPublicSite } from './routes';
export { default as surveysServiceFactory } from './surveys';
