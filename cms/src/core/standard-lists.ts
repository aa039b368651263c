/**
 * The components of a Standar Pelayanan that are lists of text items (PermenPAN-RB 15/2014):
 * the same in the seed files, the CMS and the printed document.
 */
export interface StandardTextLists {
  procedureSteps: string[];
  /** The nodes of the document's procedure chart, in order. */
  flowchartSteps: string[];
  products: string[];
  complaintHandling: string[];
  legalBasis: string[];
  facilities: string[];
  competencies: string[];
  internalSupervision: string[];
  staffing: string[];
  serviceGuarantee: string[];
  securityGuarantee: string[];
  performanceEvaluation: string[];
}
