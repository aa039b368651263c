import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Loading, Title, useCanAccess, useGetList, useGetOne, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { PriorityChip, SlaChip } from '../common/SlaChip';
import { useOfficeTimeZone } from '../common/useOfficeTimeZone';
import { openPrivateFile } from '../dataProvider';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { Checklist } from './Checklist';
import { SopFlow } from './SopFlow';
import { useCaseTimeline, useCaseView, type CaseView } from './useCaseView';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card sx={{ mb: 2 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The applicant as the API shows them to this role (NIK, KK and phone masked where it masks them). */
const Applicant = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useGetOne('applicants', { id });
  if (!data) return <CircularProgress size={20} />;
  const rows: [string, unknown][] = [
    ['name', data.name],
    ['nik', data.nik],
    ['kkNumber', data.kkNumber],
    ['sex', data.sex ? translate(`sex.${data.sex}`) : ''],
    ['birthDate', data.birthDate ? formatDate(`${data.birthDate}T12:00:00Z`, locale, 'UTC') : ''],
    ['villageCode', data.villageLabel ?? data.villageCode],
    ['address', data.address],
    ['phone', data.phone],
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }} data-testid="case-applicant">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => [
          <Typography key={`${k}-t`} component="dt" variant="body2" color="text.secondary">
            {translate(`resources.applicants.fields.${k}`)}
          </Typography>,
          <Typography key={`${k}-d`} component="dd" variant="body2" sx={{ m: 0 }} data-testid={`applicant-${k}`}>
            {String(v)}
          </Typography>,
        ])}
    </Box>
  );
};

/** The case's letter, printed as a PDF through the documents route with the session token. */
const Letter = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  // Its own letters and its batches' (the request to Dinkes is the office batch's letter).
  const { data = [] } = useGetList('letters', { filter: { forCase: caseId }, pagination: { page: 1, perPage: 5 }, sort: { field: 'createdAt', order: 'DESC' } });
  if (!data.length) return <Typography variant="body2">{translate('cases.show.no_letter')}</Typography>;
  return (
    <Box>
      {data.map((l) => (
        <Box key={l.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="body2">
            {l.number ?? l.kind} · {translate(`cases.letter_status.${l.status}`, { _: l.status })}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            data-testid="print-letter"
            onClick={() => {
              const win = window.open('', '_blank');
              openPrivateFile(`/api/documents/letters/${l.id}/pdf`, win).catch((err) => {
                win?.close();
                notify(err.message || 'app.download_failed', { type: 'error' });
              });
            }}
          >
            {translate('cases.show.print_letter')}
          </Button>
        </Box>
      ))}
    </Box>
  );
};

const Summary = ({ view }: { view: CaseView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const tz = useOfficeTimeZone();
  const c = view.case;
  const sla = ['completed', 'rejected', 'cancelled', 'returned'].includes(c.status) ? 'closed' : c.overdue ? 'overdue' : c.dueAt ? undefined : 'none';
  const { data: record } = useGetOne('cases', { id: c.documentId });
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2 }}>
      <Typography variant="h5" data-testid="case-code">
        {c.code}
      </Typography>
      <Chip label={translate(`status.${c.status}`)} data-testid="case-status" />
      <PriorityChip priority={c.priority} />
      <SlaChip state={record?.slaState ?? sla} />
      <Typography variant="body2" sx={{ ml: 1 }}>
        {c.service.title ?? c.service.slug}
        {c.track ? ` · ${c.track.label}` : ''} · {translate('resources.cases.fields.dueAt')}: {formatDate(c.dueAt, locale, tz, true) || '—'}
      </Typography>
      {c.outcome && (
        <Alert severity="info" sx={{ width: '100%' }}>
          {c.outcome}
        </Alert>
      )}
    </Box>
  );
};

/**
 * The case page: where it stands in its SOP, what the user may do now, the applicant, the
 * requirements with their files, the history, and the letter.
 */
export const CaseShow = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const view = useCaseView(id);
  const timeline = useCaseTimeline(id);
  // Village and district operators have no letters list; they don't get a card that can't load.
  const { canAccess: canListLetters } = useCanAccess({ resource: 'letters', action: 'list' });
  if (view.isPending) return <Loading />;
  if (view.error || !view.data)
    return (
      <Alert severity="warning" sx={{ m: 2 }} data-testid="case-not-found">
        {[403, 404].includes((view.error as { status?: number } | null)?.status ?? 0) ? translate('cases.show.not_found') : String((view.error as Error)?.message ?? '')}
      </Alert>
    );
  const v = view.data;
  const visited = new Set((timeline.data?.activities ?? []).map((a) => a.activity));
  return (
    <Box sx={{ mt: 2 }} data-testid="case-show">
      <Title title={`${translate('resources.cases.name', { smart_count: 1 })} ${v.case.code}`} />
      <Summary view={v} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate('cases.show.actions')}>
            <CaseActions view={v} />
          </Section>
          {v.case.applicant && (
            <Section title={translate('cases.show.applicant')}>
              <Applicant id={v.case.applicant.documentId} />
            </Section>
          )}
          <Section title={translate('cases.show.checklist')} testId="case-checklist">
            <Checklist view={v} />
          </Section>
          {canListLetters && (
            <Section title={translate('cases.show.letter')}>
              <Letter caseId={v.case.documentId} />
            </Section>
          )}
          <Section title={translate('cases.show.timeline')}>{timeline.data ? <CaseTimeline timeline={timeline.data} /> : <CircularProgress size={20} />}</Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={`${translate('cases.show.flow')}: ${v.case.sop.name}`}>
            <SopFlow activities={v.case.sop.activities ?? []} current={v.case.currentActivity?.number ?? null} visited={visited} />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
};
