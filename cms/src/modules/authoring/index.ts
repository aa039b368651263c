/**
 * The CMS side (Strapi admin): the Admin Kantor role held to its own office, the content
 * manager's walls and Indonesian labels, and the checks an author's writes pass (SOPs and
 * standards on publish, letter-template placeholders, one office per document).
 * This file is the module's front door: other code imports only from here.
 */
export { OFFICE_ADMIN_ROLE_CODE, OWN_OFFICE, registerOwnOfficeCondition } from './cms-access/own-office';
export { confinedOffice } from './cms-access/request-office';
export { applyIndonesianLabels } from './content-manager/indonesian-labels';
export { explainRefusedPermissions, keepEngineWrittenTypesReadOnly, refuseDraftActionsWithoutDrafts, refuseUnreadableRelations } from './content-manager/write-guards';
export { letterTemplatePlaceholders } from './write-rules/letter-template-placeholders';
export { officeFromCode } from './write-rules/office-from-code';
export { sameOfficeRelations } from './write-rules/same-office-relations';
export { sopValidation } from './write-rules/sop-validation';
export { standardValidation } from './write-rules/standard-validation';
