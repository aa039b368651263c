import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** SLA colours; the state is also written out, so colour is never the only signal. */
const COLORS = { 'on-time': 'success', 'due-soon': 'warning', overdue: 'error', closed: 'default', none: 'default' } as const;

export const SlaChip = ({ state }: { state?: string | null }) => {
  const translate = useTranslate();
  if (!state) return null;
  const color = COLORS[state as keyof typeof COLORS] ?? 'default';
  return <Chip size="small" color={color} variant={state === 'closed' || state === 'none' ? 'outlined' : 'filled'} label={translate(`sla.${state}`)} data-testid={`sla-${state}`} />;
};

export const PriorityChip = ({ priority }: { priority?: string | null }) => {
  const translate = useTranslate();
  if (priority !== 'emergency') return null;
  return <Chip size="small" color="error" variant="outlined" label={translate('priority.emergency')} sx={{ fontWeight: 700 }} />;
};
