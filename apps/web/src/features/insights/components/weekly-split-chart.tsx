import { List, Paper, Skeleton, Text, Title } from '@mantine/core';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSplit } from '@altitude/shared/insights';
import { formatDate } from '../../../lib/format';
import { pct, weekDaysInPeriod } from './report-format';

export const classColors = { strategic: '#7048e8', tactical: '#f76707', unclassified: '#adb5bd' };
const shareColor = '#212529';
const targetColor = '#c92a2a';

/**
 * Stacked hours per week by class (left axis), with the strategic share and the target on their own
 * right-hand percent axis. The first and last weeks may hold only some of their days: their bars are
 * faded and labelled "(3/7 d)", and a note under the chart says so, so they do not read as dips.
 */
export function WeeklySplitChart({ data }: { data: TimeSplit | undefined }) {
  if (!data) return <Skeleton h={340} />;
  const rows = data.groups.map((g) => {
    const days = weekDaysInPeriod(g.key, data);
    return {
      week: days < 7 ? `${formatDate(g.key)} (${days}/7 d)` : formatDate(g.key),
      days,
      Strategic: Math.round(g.strategicMinutes / 6) / 10,
      Tactical: Math.round(g.tacticalMinutes / 6) / 10,
      Unclassified: Math.round(g.unclassifiedMinutes / 6) / 10,
      share: g.totalMinutes > 0 ? Math.round(g.strategicShare * 100) : null,
    };
  });
  const partial = data.groups.flatMap((g, i) => (rows[i]!.days < 7 ? [{ week: g.key, days: rows[i]!.days }] : []));
  const bar = (key: 'Strategic' | 'Tactical' | 'Unclassified', fill: string) => (
    <Bar yAxisId="h" dataKey={key} stackId="h" fill={fill} isAnimationActive={false}>
      {rows.map((r) => (
        <Cell key={r.week} fillOpacity={r.days < 7 ? 0.4 : 1} />
      ))}
    </Bar>
  );
  return (
    <Paper withBorder p="lg" radius="md" id="weekly">
      <Title order={3} size="h4">
        Hours per week
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Logged hours by class (left axis, hours); the line is the strategic share
        {data.target !== null ? `, the dashed line the ${pct(data.target)} target` : ''} (right axis, percent).
      </Text>
      <div style={{ width: '100%', height: 300 }} data-testid="weekly-chart">
        <ResponsiveContainer>
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="h" tick={{ fontSize: 12 }} label={{ value: 'hours', angle: -90, position: 'insideLeft', fontSize: 12 }} />
            <YAxis
              yAxisId="s"
              orientation="right"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v} %`}
              tick={{ fontSize: 12, fill: shareColor }}
              stroke={shareColor}
              label={{ value: 'strategic share', angle: 90, position: 'insideRight', fontSize: 12, fill: shareColor }}
            />
            <Tooltip formatter={(value, name) => (name === 'Strategic share' ? `${String(value)} %` : `${String(value)} h`)} />
            <Legend />
            {bar('Strategic', classColors.strategic)}
            {bar('Tactical', classColors.tactical)}
            {bar('Unclassified', classColors.unclassified)}
            <Line
              yAxisId="s"
              type="monotone"
              dataKey="share"
              name="Strategic share"
              stroke={shareColor}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            {data.target !== null && (
              <ReferenceLine
                yAxisId="s"
                y={Math.round(data.target * 100)}
                stroke={targetColor}
                strokeDasharray="6 4"
                label={{ value: `target ${pct(data.target)}`, position: 'insideTopRight', fontSize: 12, fill: targetColor }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {partial.length > 0 && (
        <List size="xs" c="dimmed" mt="xs" data-testid="partial-weeks">
          {partial.map((p) => (
            <List.Item key={p.week}>
              Partial week: week of {formatDate(p.week)} has {p.days} of 7 days in the period, so its bar is lower (shown faded).
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
