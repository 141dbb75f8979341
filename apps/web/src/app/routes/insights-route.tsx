import { InsightsPage } from '../../features/insights/pages/insights-page';
import { InitiativesSection } from '../../features/initiatives/components/initiatives-section';

/** Insights with the initiatives report: the features meet here, not in each other. */
export function InsightsRoute() {
  return <InsightsPage extraSections={(period) => <InitiativesSection period={period} />} />;
}
