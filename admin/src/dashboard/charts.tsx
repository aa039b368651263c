/**
 * Small hand-written SVG charts (no chart library: a few hundred bytes gzipped instead of
 * tens of kilobytes). Each bar carries a <title> tooltip and each chart a legend in text, so
 * nothing is told by color alone.
 */
import { Box, Stack, Typography } from '@mui/material';

export interface Segment {
  key: string;
  label: string;
  color: string;
}

export interface StackedRow {
  label: string;
  values: Record<string, number>;
  /** shown at the end of the bar, e.g. "83%" */
  note?: string;
}

const fmt = (n: number) => n.toLocaleString('id-ID');

export const Legend = ({ segments }: { segments: Segment[] }) => (
  <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
    {segments.map((s) => (
      <Stack sx={{ alignItems: 'center' }} key={s.key} direction="row" spacing={0.5}>
        <Box sx={{ width: 12, height: 12, bgcolor: s.color, borderRadius: '2px' }} />
        <Typography variant="caption">{s.label}</Typography>
      </Stack>
    ))}
  </Stack>
);

/** Horizontal stacked bars, one row per label (services, villages, activities). */
export const StackedBars = ({
  rows,
  segments,
  labelWidth = 180,
  testId,
  max: fixedMax,
}: {
  rows: StackedRow[];
  segments: Segment[];
  labelWidth?: number;
  testId?: string;
  /** the full bar's value (e.g. 100 for a score); default the biggest row */ max?: number;
}) => {
  const max = fixedMax ?? Math.max(1, ...rows.map((r) => segments.reduce((s, seg) => s + (r.values[seg.key] ?? 0), 0)));
  const rowH = 22;
  const width = 640;
  const barW = width - labelWidth - 70;
  return (
    <Box>
      <Legend segments={segments} />
      <svg viewBox={`0 0 ${width} ${rows.length * rowH + 4}`} width="100%" role="img" data-testid={testId} style={{ maxWidth: width }}>
        {rows.map((r, i) => {
          let x = labelWidth;
          const total = segments.reduce((s, seg) => s + (r.values[seg.key] ?? 0), 0);
          return (
            <g key={r.label + i} transform={`translate(0 ${i * rowH})`}>
              <text x={labelWidth - 6} y={15} textAnchor="end" fontSize="11" fill="currentColor">
                {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
              </text>
              {segments.map((seg) => {
                const v = r.values[seg.key] ?? 0;
                const w = (v / max) * barW;
                const rect = v ? (
                  <rect key={seg.key} x={x} y={3} width={Math.max(w, 1)} height={rowH - 6} fill={seg.color}>
                    <title>{`${r.label} — ${seg.label}: ${fmt(v)}`}</title>
                  </rect>
                ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={15} fontSize="11" fill="currentColor">
                {fmt(total)}
                {r.note ? ` · ${r.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};

/** Vertical stacked columns per period (months) with an optional rate (0-100) drawn as a line. */
export const Columns = ({
  columns,
  segments,
  rate,
  rateLabel,
  testId,
}: {
  columns: { label: string; values: Record<string, number>; rate?: number | null }[];
  segments: Segment[];
  rate?: boolean;
  rateLabel?: string;
  testId?: string;
}) => {
  const width = 640;
  const height = 200;
  const pad = { l: 36, r: 36, t: 10, b: 28 };
  const innerW = width - pad.l - pad.r;
  const innerH = height - pad.t - pad.b;
  const max = Math.max(1, ...columns.map((c) => segments.reduce((s, seg) => s + (c.values[seg.key] ?? 0), 0)));
  const step = innerW / Math.max(columns.length, 1);
  const colW = Math.min(36, step * 0.7);
  const ratePoints = columns
    .map((c, i) => (c.rate == null ? null : `${pad.l + i * step + step / 2},${pad.t + innerH - (c.rate / 100) * innerH}`))
    .filter(Boolean)
    .join(' ');
  return (
    <Box>
      <Legend segments={rate ? [...segments, { key: 'rate', label: rateLabel ?? '%', color: '#212121' }] : segments} />
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-testid={testId} style={{ maxWidth: width }}>
        <line x1={pad.l} x2={width - pad.r} y1={pad.t + innerH} y2={pad.t + innerH} stroke="#9e9e9e" />
        <text x={pad.l - 4} y={pad.t + 8} fontSize="10" textAnchor="end" fill="currentColor">
          {fmt(max)}
        </text>
        {rate && (
          <text x={width - pad.r + 4} y={pad.t + 8} fontSize="10" fill="currentColor">
            100%
          </text>
        )}
        {columns.map((c, i) => {
          let y = pad.t + innerH;
          const x = pad.l + i * step + (step - colW) / 2;
          return (
            <g key={c.label}>
              {segments.map((seg) => {
                const v = c.values[seg.key] ?? 0;
                const h = (v / max) * innerH;
                y -= h;
                return v ? (
                  <rect key={seg.key} x={x} y={y} width={colW} height={Math.max(h, 1)} fill={seg.color}>
                    <title>{`${c.label} — ${seg.label}: ${fmt(v)}`}</title>
                  </rect>
                ) : null;
              })}
              <text x={x + colW / 2} y={height - 10} fontSize="10" textAnchor="middle" fill="currentColor">
                {c.label}
              </text>
            </g>
          );
        })}
        {rate && ratePoints && <polyline points={ratePoints} fill="none" stroke="#212121" strokeWidth={2} />}
        {rate &&
          columns.map((c, i) =>
            c.rate == null ? null : (
              <circle key={c.label} cx={pad.l + i * step + step / 2} cy={pad.t + innerH - (c.rate / 100) * innerH} r={3} fill="#212121">
                <title>{`${c.label} — ${rateLabel}: ${c.rate}%`}</title>
              </circle>
            ),
          )}
      </svg>
    </Box>
  );
};

/** Palette: status colors chosen to stay distinguishable in grey print too. */
export const COLORS = {
  progress: '#1976d2',
  waiting: '#90caf9',
  returned: '#ffb74d',
  completed: '#388e3c',
  rejected: '#d32f2f',
  cancelled: '#9e9e9e',
  onTime: '#43a047',
  late: '#e53935',
  open: '#1e88e5',
  finishedOnTime: '#a5d6a7',
  finishedLate: '#ef9a9a',
};
