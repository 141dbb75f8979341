/** What each role's navigation must list, in order (the pages that work today). */
export const navItemsByRole = {
  requester: ['New request', 'My requests'],
  marketer: ['New request', 'My requests', 'Board', 'Timesheet'],
  lead: ['New request', 'My requests', 'Board', 'Timesheet', 'Insights', 'Settings'],
} as const;
