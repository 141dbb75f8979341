import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { OutboxMessage } from '@altitude/shared/outbox';
import { formatRelative } from '../../../lib/format';
import { usePhone } from '../../../lib/use-phone';
import { useOutbox } from '../api/list-outbox';
import { OutboxMessageModal } from './outbox-message-modal';
import { messageStatusColor, messageStatusLabel } from './outbox-status';

/**
 * Every email Altitude wrote, newest first. Without an SMTP server (the default) messages are
 * kept here, so a lead can pass a reset link on by hand; with one, failures show their error.
 */
export function OutboxTab() {
  const outbox = useOutbox();
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const messages = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = usePhone();

  if (outbox.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720}>
        Emails Altitude wrote, newest first. “Kept” means no mail server is configured (SMTP_URL): the message stays here and nobody
        receives it. Failed sends are retried after 1, 5, 25 and 125 minutes.
      </Text>
      {phone ? (
        <OutboxCards messages={messages} onOpen={setOpen} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th w={100}>Status</Table.Th>
                  <Table.Th w={130}>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed" ta="center" py="md">
                        No emails yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {messages.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => setOpen(m)}>
                        {m.subject}
                      </Anchor>
                      {m.lastError && (
                        <Text size="xs" c="red" lineClamp={2}>
                          {m.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {m.to}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={messageStatusColor[m.status]} variant="light">
                        {messageStatusLabel[m.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={new Date(m.sentAt ?? m.createdAt).toLocaleString()}>
                        {formatRelative(m.sentAt ?? m.createdAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {outbox.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void outbox.fetchNextPage()}
          loading={outbox.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          Show older
        </Button>
      )}
      <OutboxMessageModal message={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

/** On a phone, one card per email: its status first, then the subject to open, who and when. */
function OutboxCards({ messages, onOpen }: { messages: OutboxMessage[]; onOpen: (m: OutboxMessage) => void }) {
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        No emails yet.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Emails">
      {messages.map((m) => (
        <Paper component="li" key={m.id} withBorder radius="md" p="sm">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Badge color={messageStatusColor[m.status]} variant="light">
              {messageStatusLabel[m.status]}
            </Badge>
            <Text size="xs" c="dimmed" title={new Date(m.sentAt ?? m.createdAt).toLocaleString()}>
              {formatRelative(m.sentAt ?? m.createdAt)}
            </Text>
          </Group>
          <Anchor component="button" type="button" size="sm" fw={500} ta="left" mt={6} py={6} onClick={() => onOpen(m)}>
            {m.subject}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            To {m.to}
          </Text>
          {m.lastError && (
            <Text size="xs" c="red.8" lineClamp={3} mt={4}>
              {m.lastError}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
