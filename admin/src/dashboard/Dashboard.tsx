import { Alert, Card, CardContent, CardHeader, Grid, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { useMe } from '../common/useMe';
import { COLORS, Columns, StackedBars, type Segment } from './charts';
import { useStats } from './useStats';
import type { BacklogByVillage, CasesByService, ServiceStandardRow, SlaByActivity, SlaByMonth } from './stats';

const CASE_STATUSES = ['in-progress', 'waiting', 'returned', 'completed', 'rejected', 'cancelled'] as const;
const STATUS_COLOR: Record<string, string> = {
  'in-progress': COLORS.progress,
  waiting: COLORS.waiting,
  returned: COLORS.returned,
  completed: COLORS.completed,
  rejected: COLORS.rejected,
  cancelled: COLORS.cancelled,
};

const Panel = ({ title, subtitle, error, loading, children }: { title: string; subtitle?: string; error: string | null; loading: boolean; children: React.ReactNode }) => (
  <Card sx={{ height: '100%' }}>
    <CardHeader title={title} subheader={subtitle} slotProps={{ title: { variant: 'h6' } }} />
    <CardContent>{error ? <Alert severity="error">{error}</Alert> : loading ? <LinearProgress /> : children}</CardContent>
  </Card>
);

/** "2026-10" as "Okt 2026" (English: "Oct 2026"). */
const monthLabel = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** Cases per service and status, SLA per activity and per month, backlog per village: scoped to what the user may see. */
export const Dashboard = () => {
  const translate = useTranslate();
  const me = useMe();
  const [locale] = useLocaleState();
  const [service, setService] = useState('');
  const enabled = !!me && me.role.scope !== 'bpjs';
  const params = { service: service || undefined };
  const { data: services = [] } = useGetList<ServiceStandardRow>('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'title', order: 'ASC' } }, { enabled });
  const byService = useStats<CasesByService>('cases-by-service', params, enabled);
  const byActivity = useStats<SlaByActivity>('sla-by-activity', params, enabled);
  const byMonth = useStats<SlaByMonth>('sla-by-month', { ...params, months: '12' }, enabled);
  const backlog = useStats<BacklogByVillage>('backlog-by-village', { ...params, limit: '15' }, enabled);
  if (me && !enabled) {
    return (
      <Card sx={{ mt: 2 }}>
        <Title title={translate('dashboard.title')} />
        <CardContent>
          <Typography>{translate('dashboard.bpjs')}</Typography>
        </CardContent>
      </Card>
    );
  }
  const statusSegments: Segment[] = CASE_STATUSES.map((s) => ({ key: s, label: translate(`dashboard.status.${s}`), color: STATUS_COLOR[s] }));
  const slaSegments: Segment[] = [
    { key: 'onTime', label: translate('dashboard.onTime'), color: COLORS.onTime },
    { key: 'late', label: translate('dashboard.late'), color: COLORS.late },
  ];
  // Per activity: those finished in the period (on time, late), then the open ones (on time, late).
  const activitySegments: Segment[] = [
    { key: 'finishedOnTime', label: translate('dashboard.finishedOnTime'), color: COLORS.finishedOnTime },
    { key: 'finishedLate', label: translate('dashboard.finishedLate'), color: COLORS.finishedLate },
    { key: 'onTime', label: translate('dashboard.openOnTime'), color: COLORS.onTime },
    { key: 'late', label: translate('dashboard.openLate'), color: COLORS.late },
  ];
  const titleOf = (slug: string) => services.find((s) => s.slug === slug)?.title ?? slug;
  const totalCases = byService.data?.services.reduce((s, x) => s + x.total, 0) ?? 0;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('dashboard.title')} />
      <Stack sx={{ alignItems: 'center' }} direction="row" spacing={2}>
        <Typography variant="h5">{translate('dashboard.title')}</Typography>
        <TextField
          select
          size="small"
          sx={{ minWidth: 260, maxWidth: 420 }}
          label={translate('dashboard.service')}
          value={service}
          onChange={(e) => setService(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{translate('dashboard.allServices')}</option>
          {services.map((s) => (
            <option key={s.id} value={s.slug}>
              {s.title}
            </option>
          ))}
        </TextField>
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={translate('dashboard.casesByService')} subtitle={translate('dashboard.total', { n: totalCases.toLocaleString('id-ID') })} error={byService.error} loading={!byService.data}>
            {byService.data?.services.length ? (
              <StackedBars testId="chart-cases-by-service" segments={statusSegments} rows={byService.data.services.map((s) => ({ label: s.title, values: s.statuses }))} labelWidth={220} />
            ) : (
              <Typography variant="body2">{translate('dashboard.empty')}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={translate('dashboard.slaByMonth')} subtitle={translate('dashboard.slaByMonthHelp')} error={byMonth.error} loading={!byMonth.data}>
            {byMonth.data?.months.some((m) => m.closed) ? (
              <Columns
                testId="chart-sla-by-month"
                segments={slaSegments}
                rate
                rateLabel={translate('dashboard.onTimeRate')}
                columns={byMonth.data.months.map((m) => ({ label: monthLabel(m.month, locale), values: { onTime: m.onTime, late: m.late }, rate: m.onTimeRate }))}
              />
            ) : (
              <Typography variant="body2">{translate('dashboard.empty')}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={translate('dashboard.slaByActivity')} subtitle={translate('dashboard.slaByActivityHelp')} error={byActivity.error} loading={!byActivity.data}>
            {byActivity.data?.activities.length ? (
              <StackedBars
                testId="chart-sla-by-activity"
                segments={activitySegments}
                labelWidth={220}
                rows={byActivity.data.activities.map((a) => ({
                  label: `${translate('dashboard.activity', { n: a.activity ?? '-' })}${service ? '' : ` · ${titleOf(a.service)}`}`,
                  values: { finishedOnTime: a.finished - a.finishedLate, finishedLate: a.finishedLate, onTime: a.open - a.activityOverdue, late: a.activityOverdue },
                  note: a.finishedOnTimeRate == null ? undefined : `${a.finishedOnTimeRate}%`,
                }))}
              />
            ) : (
              <Typography variant="body2">{translate('dashboard.empty')}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={translate('dashboard.backlog')} subtitle={translate('dashboard.backlogHelp')} error={backlog.error} loading={!backlog.data}>
            {backlog.data?.villages.length ? (
              <StackedBars
                testId="chart-backlog"
                segments={[
                  { key: 'onTime', label: translate('dashboard.onTime'), color: COLORS.open },
                  { key: 'overdue', label: translate('dashboard.overdue'), color: COLORS.late },
                ]}
                rows={backlog.data.villages.map((v) => ({ label: v.name, values: { onTime: v.open - v.overdue, overdue: v.overdue } }))}
              />
            ) : (
              <Typography variant="body2">{translate('dashboard.empty')}</Typography>
            )}
          </Panel>
        </Grid>
      </Grid>
    </Stack>
  );
};
