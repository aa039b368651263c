export { OFFICE_ADMIN_ROLE_CODE, OWN_OFFICE, registerOwnOfficeCondition } from './cms-access/own-office';
export { confinedOffice } from './cms-access/request-office';
export { applyIndonesianLabels } from './content-manager/indonesian-labels';
export { explainRefusedPermissions, keepEngineWrittenTypesReadOnly, refuseDraftActionsWithoutDrafts, refuseUnreadableRelations } from './content-manager/write-guards';
export { letterTemplatePlaceholders } from './write-rules/letter-template-placeholders';
export { officeFromCode } from './write-rules/office-from-code';
export { sameOfficeRelations } from './write-rules/same-office-relations';
export { sopValidation } from './write-rules/sop-validation';
export { standardValidation } from './write-rules/standard-validation';
