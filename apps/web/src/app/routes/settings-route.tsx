import { SettingsPage } from '../../features/settings/pages/settings-page';
import { WorkingTimeTab } from '../../features/working-time/components/working-time-tab';
import { InitiativesTab } from '../../features/initiatives/components/initiatives-tab';

const extraTabs = [
  { value: 'working-time', label: 'Working time', panel: <WorkingTimeTab /> },
  { value: 'initiatives', label: 'Initiatives', panel: <InitiativesTab /> },
];

/** Settings with the working-time and initiatives tabs: the features meet here, not in each other. */
export function SettingsRoute() {
  return <SettingsPage extraTabs={extraTabs} />;
}
