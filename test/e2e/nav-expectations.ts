/** What each role's navigation must list, in order (the pages that work today). */
export const navItemsByRole = {
  requester: ['Home'],
  marketer: ['Home'],
  lead: ['Home'],
} as const;
