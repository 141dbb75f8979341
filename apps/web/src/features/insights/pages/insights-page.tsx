import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { exportUrl } from '../api/export-url';
import { useFlow } from '../api/get-flow';
import { useForecast } from '../api/get-forecast';
import { useHandBack } from '../api/get-hand-back';
import { useHeadline } from '../api/get-headline';
import { useTimeSplit } from '../api/get-time-split';
import { useInsights } from '../api/list-insights';
import { CoverageSection } from '../components/coverage-section';
import { useOverrides } from '../api/get-overrides';
import { FlowSection } from '../components/flow-section';
import { ForecastCard } from '../components/forecast-card';
import { HandBackTable } from '../components/hand-back-table';
import { HeadlineCards } from '../components/headline-cards';
import { InsightList } from '../components/insight-list';
import { OverridesSection } from '../components/overrides-section';
import { useReserveOverrides } from '../api/get-reserve-overrides';
import { ReserveOverridesSection } from '../components/reserve-overrides-section';
import { PeriodPicker } from '../components/period-picker';
import { Showback } from '../components/showback';
import { ServiceLevelsSection } from '../components/service-levels-section';
import { WeeklySplitChart } from '../components/weekly-split-chart';
import { userMeets } from '@altitude/shared/domain';
import { formatDate } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { BoardViewControl } from '../components/board-view-control';
import { usePeriod, type Period } from '../hooks/use-period';
import './print.css';

/**
 * The CMO's one screen: where marketing's time went, against the target, in plain words. Insights
 * readers (people a lead granted it, such as executives) get it read-only: exports and print, but
 * no switch, and no links into requests they may not open.
 */
export function InsightsPage({ extraSections }: { extraSections?: (period: Period) => ReactNode }) {
  const me = useCurrentUser();
  const { period, requested, preset, setPeriod } = usePeriod();
  const headline = useHeadline(period);
  const weekly = useTimeSplit(period, 'week');
  const flow = useFlow(period);
  const handBack = useHandBack(period);
  const insights = useInsights(period);
  const forecast = useForecast();
  const error = [headline, weekly, flow, handBack, insights, forecast].find((q) => q.error)?.error;

  return (
    <Stack gap="lg" maw={1280} className="insights-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Insights</Title>
          <Text size="sm" c="dimmed">
            {formatDate(period.from)} – {formatDate(period.to)}
            {headline.data
              ? `, compared with ${formatDate(headline.data.previousPeriod.from)} – ${formatDate(headline.data.previousPeriod.to)}${headline.data.comparison === null ? ' (no earlier time data)' : ''}`
              : ''}
          </Text>
        </div>
        <Group gap="xs" className="no-print">
          <Button component="a" href={exportUrl('requests.csv', period)} variant="default" size="xs" download>
            requests.csv
          </Button>
          <Button component="a" href={exportUrl('time-entries.csv', period)} variant="default" size="xs" download>
            time-entries.csv
          </Button>
          <Button size="xs" onClick={() => window.print()}>
            Print / PDF
          </Button>
        </Group>
      </Group>
      <Group justify="space-between" align="flex-end" gap="sm">
        <PeriodPicker period={requested} preset={preset} onChange={setPeriod} />
        <BoardViewControl canSwitch={me.role === 'lead'} />
      </Group>
      {error && (
        <Text c="red" role="alert">
          {error.message}
        </Text>
      )}
      <HeadlineCards data={headline.data} />
      <ForecastCard data={forecast.data} />
      <InsightList data={insights.data} />
      <WeeklySplitChart data={weekly.data} />
      <CoverageSection period={period} />
      <Showback period={period} />
      {/* Other features' reports (initiatives), composed in by app/. */}
      {extraSections?.(period)}
      <HandBackTable data={handBack.data} linkRequests={userMeets(me, 'marketer')} makeKits={me.role === 'lead'} />
      <OverridesSection data={useOverrides(period).data} />
      <ReserveOverridesSection data={useReserveOverrides(period).data} />
      <ServiceLevelsSection period={period} />
      <FlowSection data={flow.data} />
    </Stack>
  );
}
