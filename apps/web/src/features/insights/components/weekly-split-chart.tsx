import { Paper, Skeleton, Text, Title } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSplit } from '@altitude/shared/insights';
import { formatDate } from '../../../lib/format';
import { pct } from './report-format';

export const classColors = { strategic: '#7048e8', tactical: '#f76707', unclassified: '#adb5bd' };

/** Stacked hours per week by class, with the strategic share as a line against the target. */
export function WeeklySplitChart({ data }: { data: TimeSplit | undefined }) {
  if (!data) return <Skeleton h={340} />;
  const rows = data.groups.map((g) => ({
    week: formatDate(g.key),
    Strategic: Math.round(g.strategicMinutes / 6) / 10,
    Tactical: Math.round(g.tacticalMinutes / 6) / 10,
    Unclassified: Math.round(g.unclassifiedMinutes / 6) / 10,
    share: g.totalMinutes > 0 ? Math.round(g.strategicShare * 100) : null,
  }));
  return (
    <Paper withBorder p="lg" radius="md" id="weekly">
      <Title order={3} size="h4">
        Hours per week
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Logged hours by class; the line is the strategic share
        {data.target !== null ? `, the dashed line the ${pct(data.target)} target` : ''}.
      </Text>
      <div style={{ width: '100%', height: 300 }} data-testid="weekly-chart">
        <ResponsiveContainer>
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="h" tick={{ fontSize: 12 }} label={{ value: 'hours', angle: -90, position: 'insideLeft', fontSize: 12 }} />
            <YAxis yAxisId="s" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value, name) => (name === 'Strategic share' ? `${String(value)} %` : `${String(value)} h`)} />
            <Legend />
            <Bar yAxisId="h" dataKey="Strategic" stackId="h" fill={classColors.strategic} isAnimationActive={false} />
            <Bar yAxisId="h" dataKey="Tactical" stackId="h" fill={classColors.tactical} isAnimationActive={false} />
            <Bar yAxisId="h" dataKey="Unclassified" stackId="h" fill={classColors.unclassified} isAnimationActive={false} />
            <Line
              yAxisId="s"
              type="monotone"
              dataKey="share"
              name="Strategic share"
              stroke="#212529"
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            {data.target !== null && (
              <ReferenceLine
                yAxisId="s"
                y={Math.round(data.target * 100)}
                stroke="#e03131"
                strokeDasharray="6 4"
                label={{ value: `target ${pct(data.target)}`, position: 'insideTopRight', fontSize: 12, fill: '#e03131' }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
