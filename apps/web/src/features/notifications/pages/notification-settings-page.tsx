import { Alert, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { defaultChannel, settingKinds, type NotificationChannel, type SettingKind } from '@altitude/shared/notifications';
import { saved, showServerErrors } from '../../../lib/forms';
import { useCurrentUser } from '../../../lib/session';
import { useNotificationSettings } from '../api/get-notification-settings';
import { useUpdateNotificationSettings } from '../api/update-notification-settings';
import { settingLabel } from '../kinds';

const channels: { value: NotificationChannel; label: string }[] = [
  { value: 'in_app', label: 'In app' },
  { value: 'email', label: 'Email' },
  { value: 'off', label: 'Off' },
];

/** The brief is only ever an email: `in_app` and `off` both mean none, so it offers just the two. */
const briefChannels = channels.filter((c) => c.value !== 'in_app');

const channelWords: Record<NotificationChannel, string> = {
  in_app: 'in the app only',
  email: 'in the app and by email',
  off: 'not at all',
};

const shown = (kind: SettingKind, channel: NotificationChannel) => (kind === 'weekly_brief' && channel === 'in_app' ? 'off' : channel);

/**
 * One row per kind, saved as soon as it changes. The weekly brief goes only to insights readers,
 * so only they see its row (the server keeps the setting either way).
 */
export function NotificationSettingsPage() {
  const user = useCurrentUser();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const kinds = settingKinds.filter((k) => k !== 'weekly_brief' || user.role === 'lead' || user.canViewInsights);

  const change = (kind: SettingKind, channel: NotificationChannel) =>
    update.mutate(
      { kinds: { [kind]: channel } },
      {
        onSuccess: () => saved('Notification settings saved', `${settingLabel[kind].label}: ${channelWords[channel]}.`),
        onError: (e) => showServerErrors(e),
      },
    );

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>Notification settings</Title>
      <Text size="sm" c="dimmed">
        For each kind, choose In app (the bell only), Email (the bell and an email) or Off.
      </Text>
      {settings.isPending && (
        <Center p="lg">
          <Loader aria-label="Loading settings" />
        </Center>
      )}
      {settings.isError && <Alert color="red">Your settings could not be loaded. {settings.error.message}</Alert>}
      {settings.data && (
        <Paper withBorder radius="md">
          {kinds.map((kind, i) => {
            const labelId = `notify-kind-${kind}`;
            return (
              <Group
                key={kind}
                justify="space-between"
                wrap="wrap"
                gap="xs"
                p="sm"
                style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
              >
                <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <Text size="sm" fw={600} id={labelId}>
                    {settingLabel[kind].label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {settingLabel[kind].description}
                  </Text>
                </div>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={labelId}
                  data-testid={`channel-${kind}`}
                  value={shown(kind, settings.data.kinds[kind] ?? defaultChannel(kind))}
                  onChange={(v) => change(kind, v as NotificationChannel)}
                  data={kind === 'weekly_brief' ? briefChannels : channels}
                />
              </Group>
            );
          })}
        </Paper>
      )}
    </Stack>
  );
}
