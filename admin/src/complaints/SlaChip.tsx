import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { complaintSla, SLA_COLOR } from './sla';
import type { Complaint } from './complaint';

/** SLA state by color and by text (never color alone). */
export const SlaChip = () => {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const state = record ? complaintSla(record) : null;
  if (!state) return null;
  return <Chip size="small" color={SLA_COLOR[state]} variant={state.startsWith('answered') ? 'outlined' : 'filled'} label={translate(`complaints.sla.${state}`)} data-sla={state} />;
};
