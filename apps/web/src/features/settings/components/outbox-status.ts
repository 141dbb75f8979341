import type { MessageStatus } from '@altitude/shared/outbox';

export const messageStatusLabel: Record<MessageStatus, string> = { kept: 'Kept', queued: 'Queued', sent: 'Sent', failed: 'Failed' };
export const messageStatusColor: Record<MessageStatus, string> = { kept: 'gray', queued: 'yellow', sent: 'teal', failed: 'red' };
