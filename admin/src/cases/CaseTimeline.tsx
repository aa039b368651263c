import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { useOfficeTimeZone } from '../common/useOfficeTimeZone';
import type { Timeline } from './useCaseView';

/** The case's history, newest first: who did what, when, from which activity to which. */
export const CaseTimeline = ({ timeline }: { timeline: Timeline }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const tz = useOfficeTimeZone();
  const events = [...timeline.events].reverse();
  // "(2 → 3)" for a move, "(Kegiatan 1)" where the case began.
  const moved = (e: Timeline['events'][number]) =>
    e.fromActivity === e.toActivity || !e.toActivity ? '' : ` (${e.fromActivity ? `${e.fromActivity} → ${e.toActivity}` : translate('cases.show.activity', { n: e.toActivity })})`;
  return (
    <Box component="ol" sx={{ pl: 2, m: 0 }} data-testid="case-timeline">
      {events.map((e, i) => (
        <Box component="li" key={i} sx={{ mb: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {formatDate(e.at, locale, tz, true)} · {translate(`cases.events.${e.action}`, { _: translate('cases.events.other') })}
            {moved(e)}
          </Typography>
          <Typography variant="caption" component="div">
            {e.actor ? translate('cases.show.by', { actor: e.actor }) : ''}
            {e.toStatus && e.toStatus !== e.fromStatus ? ` · ${translate(`status.${e.toStatus}`)}` : ''}
          </Typography>
          {e.note && <Typography variant="body2">{e.note}</Typography>}
        </Box>
      ))}
    </Box>
  );
};
