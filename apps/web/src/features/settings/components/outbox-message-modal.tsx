import { Badge, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { OutboxMessage } from '@altitude/shared/outbox';
import { messageStatusColor, messageStatusLabel } from './outbox-status';

/** One message as its recipient reads it (the plain-text part), with its delivery facts. */
export function OutboxMessageModal({ message, onClose }: { message: OutboxMessage | null; onClose: () => void }) {
  return (
    <Modal opened={message !== null} onClose={onClose} title={message?.subject ?? ''} size="lg">
      {message && (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              To <strong>{message.to}</strong>
            </Text>
            <Badge color={messageStatusColor[message.status]} variant="light">
              {messageStatusLabel[message.status]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Written {new Date(message.createdAt).toLocaleString()}
            {message.sentAt && ` · sent ${new Date(message.sentAt).toLocaleString()}`}
            {message.attempts > 0 && ` · ${message.attempts} attempt${message.attempts === 1 ? '' : 's'}`}
            {message.nextAttemptAt && message.status === 'queued' && ` · next try ${new Date(message.nextAttemptAt).toLocaleString()}`}
          </Text>
          {message.lastError && (
            <Text size="sm" c="red">
              Last error: {message.lastError}
            </Text>
          )}
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.text}
          </Code>
        </Stack>
      )}
    </Modal>
  );
}
