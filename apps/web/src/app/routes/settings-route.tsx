import { SettingsPage } from '../../features/settings/pages/settings-page';
import { WorkingTimeTab } from '../../features/working-time/components/working-time-tab';

const extraTabs = [{ value: 'working-time', label: 'Working time', panel: <WorkingTimeTab /> }];

/** Settings with the working-time tab: the two features meet here, not in each other. */
export function SettingsRoute() {
  return <SettingsPage extraTabs={extraTabs} />;
}
