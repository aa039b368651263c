import { officeScope } from './scopes';
import { OFFICE_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

const ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/** Public satisfaction survey (SKM) answers: read-only for staff; the public submits them. */
export const surveyResponses: ResourceDefinition = {
  name: 'survey-responses',
  uid: 'api::survey-response.survey-response',
  label: ['serviceSlug', 'submittedAt'],
  fields: ['serviceSlug', 'officeCode', ...ELEMENTS, 'respondentSex', 'respondentAge', 'respondentEducation', 'respondentOccupation', 'suggestion', 'submittedAt'],
  relations: { service: 'service-standards', office: 'offices' },
  computed: {
    // The response's index on the IKM scale: mean element score (1-4) times 25.
    score: (r) => Math.round((ELEMENTS.reduce((s, e) => s + Number(r[e] ?? 0), 0) / ELEMENTS.length) * 25 * 100) / 100,
  },
  filters: { serviceSlug: ['eq'], service: ['eq'], respondentSex: ['eq'], respondentEducation: ['eq'], submittedAt: ['gte', 'lte'] },
  sortable: ['submittedAt', 'serviceSlug'],
  defaultSort: ['submittedAt', 'DESC'],
  access: { read: OFFICE_STAFF },
  scope: officeScope(),
};
