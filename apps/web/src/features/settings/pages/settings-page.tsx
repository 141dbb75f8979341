import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { CompanyTab } from '../components/company-tab';
import { OutboxTab } from '../components/outbox-tab';
import { DepartmentsTab } from '../components/departments-tab';
import { PeopleTab } from '../components/people-tab';
import { RequestTypesTab } from '../components/request-types-tab';
import { TargetTab } from '../components/target-tab';
import { WorkflowTab } from '../components/workflow-tab';

interface SettingsTab {
  value: string;
  label: string;
  panel: ReactNode;
}

const ownTabs: SettingsTab[] = [
  { value: 'target', label: 'Target', panel: <TargetTab /> },
  { value: 'request-types', label: 'Request types', panel: <RequestTypesTab /> },
  { value: 'departments', label: 'Departments', panel: <DepartmentsTab /> },
  { value: 'workflow', label: 'Workflow', panel: <WorkflowTab /> },
  { value: 'people', label: 'People', panel: <PeopleTab /> },
  { value: 'company', label: 'Company', panel: <CompanyTab /> },
  { value: 'outbox', label: 'Outbox', panel: <OutboxTab /> },
];

/**
 * The lead's settings; the open tab is kept in the URL so it can be linked and survives a reload.
 * `extraTabs` are other features' settings (working time), composed in by app/ since features
 * never import each other; they follow the People tab.
 */
export function SettingsPage({ extraTabs = [] }: { extraTabs?: SettingsTab[] }) {
  const [params, setParams] = useSearchParams();
  const people = ownTabs.findIndex((t) => t.value === 'people') + 1;
  const tabs = [...ownTabs.slice(0, people), ...extraTabs, ...ownTabs.slice(people)];
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'target';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Settings</Title>
        <Text c="dimmed" size="sm">
          The strategic target, what people can request, how the board flows, and who uses Altitude.
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'target' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
