import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FlowActivity } from './useCaseView';

/**
 * The SOP as a flow, from its activities: one box per activity in order, decisions drawn as
 * such with their Ya/Tidak branches, the current activity highlighted and those already
 * passed through (the path taken, from the timeline) ticked.
 */
export const SopFlow = ({ activities, current, visited }: { activities: FlowActivity[]; current: number | null; visited: Set<number> }) => {
  const translate = useTranslate();
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="sop-flow">
      {activities.map((a, i) => {
        const state = a.number === current ? 'current' : visited.has(a.number) ? 'visited' : 'todo';
        const decision = a.symbol === 'decision';
        return (
          <Box component="li" key={a.number} sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
            <Box
              data-testid={`flow-activity-${a.number}`}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
              sx={{
                width: '100%',
                border: 2,
                borderStyle: decision ? 'dashed' : 'solid',
                borderColor: state === 'current' ? 'primary.main' : state === 'visited' ? 'success.main' : 'divider',
                bgcolor: state === 'current' ? 'primary.50' : state === 'visited' ? 'rgba(46,125,50,0.06)' : 'background.paper',
                borderRadius: decision ? 4 : 1,
                px: 1.5,
                py: 1,
                boxShadow: state === 'current' ? 3 : 0,
              }}
            >
              <Typography variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, fontWeight: 700 }}>
                {state === 'visited' && <CheckCircleIcon fontSize="inherit" color="success" aria-label={translate('cases.show.visited')} />}
                {translate('cases.show.activity', { n: a.number })} · {a.executor}
                {state === 'current' && ` · ${translate('cases.show.current')}`}
              </Typography>
              <Typography variant="body2">{a.text}</Typography>
              {decision && (
                <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
                  {translate('cases.show.yes')} → {a.yesNext ?? '—'}
                  {a.yesLabel ? ` (${a.yesLabel})` : ''} · {translate('cases.show.no')} → {a.noNext ?? '—'}
                  {a.noLabel ? ` (${a.noLabel})` : ''}
                </Typography>
              )}
            </Box>
            {i < activities.length - 1 && <Box aria-hidden sx={{ width: 2, height: 14, bgcolor: visited.has(a.number) || a.number === current ? 'success.main' : 'divider' }} />}
          </Box>
        );
      })}
    </Box>
  );
};
