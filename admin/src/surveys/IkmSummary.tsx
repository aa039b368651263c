import { Alert, Card, CardContent, CardHeader, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StackedBars } from '../dashboard/charts';
import { useStats } from '../dashboard/useStats';

const GRADE_COLOR: Record<string, string> = { A: '#2e7d32', B: '#1976d2', C: '#f9a825', D: '#c62828' };

interface Ikm {
  service?: string;
  title?: string;
  respondents: number;
  score: number;
  grade: string;
  performance: string;
  elements: { key: string; label: string; mean: number }[];
}

/** Each service's IKM (PermenPANRB 14/2017) with its grade, the office's, and the elements of the one chosen. */
export const IkmSummary = ({ service, onPick }: { service?: string; onPick: (slug: string) => void }) => {
  const translate = useTranslate();
  const { data, error } = useStats<{ services: Ikm[]; office: Ikm | null }>('ikm', {});
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  const chosen = data.services.find((s) => s.service === service) ?? null;
  const gradeChip = (s: Ikm) => <Chip size="small" label={`${s.grade} · ${translate(`surveys.performance.${s.grade}`)}`} sx={{ bgcolor: GRADE_COLOR[s.grade], color: '#fff' }} />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Card>
        <CardHeader
          title={translate('surveys.ikmTitle')}
          subheader={data.office ? translate('surveys.officeIkm', { score: data.office.score.toFixed(2).replace('.', ','), n: data.office.respondents }) : translate('surveys.none')}
          slotProps={{ title: { variant: 'h6' } }}
        />
        <CardContent>
          {data.services.length > 0 && (
            <>
              <StackedBars
                testId="chart-ikm"
                labelWidth={240}
                max={100}
                segments={[{ key: 'score', label: translate('surveys.score'), color: '#1976d2' }]}
                rows={data.services.map((s) => ({ label: s.title ?? s.service ?? '-', values: { score: s.score }, note: s.grade }))}
              />
              <Table size="small" data-testid="ikm-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('surveys.service')}</TableCell>
                    <TableCell align="right">{translate('surveys.respondents')}</TableCell>
                    <TableCell align="right">IKM</TableCell>
                    <TableCell>{translate('surveys.grade')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.services.map((s) => (
                    <TableRow key={s.service} hover selected={s.service === service} onClick={() => onPick(s.service!)} sx={{ cursor: 'pointer' }}>
                      <TableCell>{s.title}</TableCell>
                      <TableCell align="right">{s.respondents.toLocaleString('id-ID')}</TableCell>
                      <TableCell align="right">{s.score.toFixed(2).replace('.', ',')}</TableCell>
                      <TableCell>{gradeChip(s)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </CardContent>
      </Card>
      {chosen && (
        <Card>
          <CardHeader title={translate('surveys.elementsOf', { title: chosen.title })} slotProps={{ title: { variant: 'h6' } }} />
          <CardContent>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('surveys.elementsHelp')}
            </Typography>
            <StackedBars
              testId="chart-ikm-elements"
              labelWidth={260}
              max={4}
              segments={[{ key: 'mean', label: translate('surveys.mean'), color: '#5c6bc0' }]}
              rows={chosen.elements.map((e) => ({ label: `${e.key.toUpperCase()} ${e.label}`, values: { mean: Math.round(e.mean * 100) / 100 } }))}
            />
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};
