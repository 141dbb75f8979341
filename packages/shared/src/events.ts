import { z } from 'zod';
import { Notification } from './notifications';
import { Card } from './requests';

/** What GET /api/events streams: each change carries the card as it now is, so clients patch their cache. */
export const ChangeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.created'), card: Card }),
  z.object({ type: z.literal('request.updated'), card: Card }),
  z.object({ type: z.literal('request.commented'), requestId: z.number().int() }),
  z.object({ type: z.literal('request.time_logged'), requestId: z.number().int(), loggedMinutes: z.number().int() }),
  /** A column's keys were rebalanced: positions changed, order did not. */
  z.object({ type: z.literal('column.rebalanced'), status: z.string() }),
  /**
   * The recipient's own notifications changed (one arrived, or some were marked read elsewhere):
   * sent only to that person's streams. `notification` is the new one, absent after a mark-read.
   */
  z.object({ type: z.literal('notifications.changed'), unreadCount: z.number().int(), notification: Notification.optional() }),
]);
export type ChangeEvent = z.infer<typeof ChangeEvent>;
