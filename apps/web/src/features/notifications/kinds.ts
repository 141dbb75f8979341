import type { NotificationKind, SettingKind } from '@altitude/shared/notifications';

/** What each kind is, in the words of the person receiving it (the settings page's rows). */
export const settingLabel: Record<SettingKind, { label: string; description: string }> = {
  assigned: { label: 'Assigned to you', description: 'Someone else assigns a request to you.' },
  mentioned: { label: 'Mentioned', description: 'Someone writes your @name in a comment.' },
  commented: { label: 'New comments', description: 'A comment on a request you filed or follow.' },
  status_changed: { label: 'Status changes', description: 'A request you filed or follow moves to another column.' },
  needs_info: { label: 'Questions for you', description: 'A marketer needs more information on your request.' },
  answered: { label: 'Answers', description: 'The requester answers a question you asked.' },
  due_soon: { label: 'Due soon', description: 'A request assigned to you is due soon.' },
  overdue: { label: 'Overdue', description: 'A request assigned to you is past its due date.' },
  handed_back: { label: 'Handed back', description: 'Your request is handed back to you.' },
  declined: { label: 'Declined', description: 'Your request is declined.' },
  weekly_brief: { label: 'Weekly brief', description: "Monday's email summary of the department's work (email only)." },
};

/** The short tag on a list item, so its kind reads at a glance. */
export const kindTag: Record<NotificationKind, string> = {
  assigned: 'Assigned',
  mentioned: 'Mention',
  commented: 'Comment',
  status_changed: 'Status',
  needs_info: 'Needs info',
  answered: 'Answer',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  handed_back: 'Handed back',
  declined: 'Declined',
};

/** The bell's accessible name carries the count, so a screen reader hears it without the badge. */
export const bellLabel = (unread: number) => (unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`);

/** The badge stays narrow: past 99 the exact number is in the accessible name. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));
