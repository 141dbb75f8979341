/** What each role's navigation must list, in order (the pages that work today). */
export const navItemsByRole = {
  requester: ['New request', 'My requests'],
  /** A requester a lead granted Insights (the demo exec): read-only Insights, no Board or Settings. */
  reader: ['New request', 'My requests', 'Insights'],
  marketer: ['New request', 'My requests', 'Board', 'Timesheet', 'Capacity'],
  lead: ['New request', 'My requests', 'Board', 'Timesheet', 'Capacity', 'Insights', 'Settings'],
} as const;
