import type { RouteKey } from './route-calls';

/**
 * Who may call each route, written by hand from /work/shared/PRODUCT.md (the roles table, "Public
 * API (v1)" and "API v2 additions") and, for routes beyond those tables, from what the roles table
 * lets each role do. This is the expectation of the access matrix: it is never derived from the
 * routes' own `config.access`, so a route opened to the wrong role fails the matrix.
 *
 * A new route must be added here on purpose (the matrix fails on a route this table does not
 * list), and a row whose route disappears fails too.
 */
export type MinimumRole = 'anonymous' | 'signedIn' | 'marketer' | 'insights' | 'lead';

export interface AccessRule {
  /**
   * The least a caller must be: anonymous (anyone), signed in (any role), marketer (or lead),
   * insights (an "insights reader": a lead, or anyone granted Insights, such as the demo exec), lead.
   */
  minimum: MinimumRole;
  /**
   * Roles the minimum admits that are still refused with 403 for a rule of the product rather
   * than a role level, with the reason.
   */
  refused?: { roles: ('marketer' | 'lead')[]; why: string };
  /**
   * What a caller the route admits gets when it is not a 2xx, with the reason: single sign-on is
   * not configured in the matrix's app, so its steps answer 404 to everyone (oidc.test.ts runs them).
   */
  answers?: { status: number; why: string };
}

export const accessContract: Record<RouteKey, AccessRule> = {
  // Public API (v1): anyone.
  'GET /api/health': { minimum: 'anonymous' },
  'POST /api/auth/login': { minimum: 'anonymous' },
  // Signed in, any role.
  'POST /api/auth/logout': { minimum: 'signedIn' },
  'GET /api/auth/me': { minimum: 'signedIn' },
  'GET /api/auth/session': { minimum: 'anonymous' },
  // API v2 additions: "POST /api/auth/password | signed in"; "POST /api/auth/reset-request, POST /api/auth/reset | anyone".
  'POST /api/auth/password': { minimum: 'signedIn' },
  'POST /api/auth/reset-request': { minimum: 'anonymous' },
  'POST /api/auth/reset': { minimum: 'anonymous' },
  'GET /api/request-types': { minimum: 'signedIn' },
  'GET /api/departments': { minimum: 'signedIn' },
  'GET /api/users': { minimum: 'signedIn' },
  'POST /api/requests': { minimum: 'signedIn' },
  // Issue 13: at intake "the requester can use it (a request avoided, counted)": whoever may file a
  // request, so anyone signed in (409 when the type has no kit for their department).
  'POST /api/request-types/:id/kit-outcomes': { minimum: 'signedIn' },
  'GET /api/requests': { minimum: 'signedIn' },
  // Issue 12: "the requester's own list shows the same facts for their department": anyone signed in, about their own department.
  'GET /api/requests/department-service': { minimum: 'signedIn' },
  // "Per role": a requester reaches their own and their department's requests (others look missing).
  'GET /api/requests/:id': { minimum: 'signedIn' },
  'PATCH /api/requests/:id': { minimum: 'signedIn' },
  // Roles table: a requester may "cancel their own request while it is still in intake"; marketers decline (a move).
  'POST /api/requests/:id/cancel': {
    minimum: 'signedIn',
    refused: { roles: ['marketer', 'lead'], why: 'only the requester who filed it withdraws a request' },
  },
  'GET /api/requests/:id/time-entries': { minimum: 'signedIn' },
  'GET /api/requests/:id/comments': { minimum: 'signedIn' },
  'POST /api/requests/:id/comments': { minimum: 'signedIn' },
  'GET /api/requests/:id/activity': { minimum: 'signedIn' },
  // API v2 additions: "GET /api/requests/similar | signed in" (within what the caller may see) and
  // "POST/DELETE /api/requests/:id/followers | who may see the request" (another department's looks missing).
  'GET /api/requests/similar': { minimum: 'signedIn' },
  'POST /api/requests/:id/followers': { minimum: 'signedIn' },
  'DELETE /api/requests/:id/followers': { minimum: 'signedIn' },
  'GET /api/events': { minimum: 'signedIn' },
  // Marketers: move cards, classify, log time, the board.
  'POST /api/requests/:id/move': { minimum: 'marketer' },
  'PUT /api/requests/:id/classification': { minimum: 'marketer' },
  'POST /api/requests/:id/time-entries': { minimum: 'marketer' },
  'GET /api/board': { minimum: 'marketer' },
  // v2: correcting and deleting time: "the author (marketer) within a grace period; lead always". Only
  // marketers and leads log time, so a requester is refused by role; which marketer (the author, within
  // the grace period) is a rule on the object, held by the foreign-id tests in access-matrix.test.ts and
  // by time-corrections.test.ts. The matrix calls them on an entry the marketer logged today.
  'PATCH /api/time-entries/:id': { minimum: 'marketer' },
  'DELETE /api/time-entries/:id': { minimum: 'marketer' },
  // v2: the week timesheet, marketer (self) and lead (anyone); reading someone else's is tested in timesheet.test.ts.
  'GET /api/timesheet': { minimum: 'marketer' },
  // The board's older pages of done and declined: the board, so marketers.
  'GET /api/board/columns/:status': { minimum: 'marketer' },
  // Insights readers (v2: leads and people granted Insights): the reports, exports included.
  'GET /api/reports/time-split': { minimum: 'insights' },
  'GET /api/reports/headline': { minimum: 'insights' },
  'GET /api/reports/flow': { minimum: 'insights' },
  'GET /api/reports/hand-back': { minimum: 'insights' },
  'GET /api/reports/insights': { minimum: 'insights' },
  // API v2 additions: "GET /api/reports/forecast?quarter=YYYY-Qn | insights readers".
  'GET /api/reports/forecast': { minimum: 'insights' },
  // Beyond the tables: coverage is a report like the others (issue 11: "Insights shows logged against available hours").
  'GET /api/reports/coverage': { minimum: 'insights' },
  'GET /api/reports/overrides': { minimum: 'insights' },
  // v2 (issue 12): service levels by type, department or marketer, for insights readers.
  'GET /api/reports/service-levels': { minimum: 'insights' },
  'GET /api/exports/requests.csv': { minimum: 'insights' },
  'GET /api/exports/time-entries.csv': { minimum: 'insights' },
  // Leads: user management, departments and request types (Settings is the lead's screen).
  'POST /api/users': { minimum: 'lead' },
  'PATCH /api/users/:id': { minimum: 'lead' },
  'POST /api/departments': { minimum: 'lead' },
  'PATCH /api/departments/:id': { minimum: 'lead' },
  'POST /api/request-types': { minimum: 'lead' },
  'PATCH /api/request-types/:id': { minimum: 'lead' },
  // Leads: strategic-share target, workflow settings (WIP limits), working time and time zone.
  'GET /api/settings/targets': { minimum: 'lead' },
  'PUT /api/settings/targets/:periodStart': { minimum: 'lead' },
  'GET /api/settings/workflow': { minimum: 'lead' },
  'PUT /api/settings/workflow/:status': { minimum: 'lead' },
  'GET /api/settings/company': { minimum: 'lead' },
  'PUT /api/settings/company': { minimum: 'lead' },
  // Roles table: a lead switches the board view; insights readers read it (their page says figures are hidden).
  'GET /api/settings/board-view': { minimum: 'insights' },
  'PUT /api/settings/board-view': { minimum: 'lead' },
  // API v2 additions: "GET/PUT /api/settings/holidays | lead (GET: signed in)".
  'GET /api/settings/holidays': { minimum: 'signedIn' },
  'PUT /api/settings/holidays': { minimum: 'lead' },
  // API v2 additions: "POST /api/requests/:id/needs-info | marketer+"; "POST /api/requests/:id/answer |
  // the requester (or their department)": marketing asked, so marketing does not answer. Reading the
  // rounds is beyond the table: like comments, whoever may see the request.
  'POST /api/requests/:id/needs-info': { minimum: 'marketer' },
  'POST /api/requests/:id/answer': {
    minimum: 'signedIn',
    refused: { roles: ['marketer', 'lead'], why: "the requester's side answers the question marketing asked" },
  },
  'GET /api/requests/:id/needs-info': { minimum: 'signedIn' },
  // Issue 13, the trade-off at triage: "when a marketer classifies a request tactical and assigns it" (marketer+,
  // on a request they may see); "Accept anyway" is the same marketer's decision; the overrides count is an
  // Insights report, so insights readers.
  'GET /api/requests/:id/trade-off': { minimum: 'marketer' },
  'POST /api/requests/:id/reserve-overrides': { minimum: 'marketer' },
  'GET /api/reports/reserve-overrides': { minimum: 'insights' },
  // API v2 additions: "GET /api/outbox | lead".
  'GET /api/outbox': { minimum: 'lead' },
  // API v2 additions: "GET /api/capacity?from=YYYY-MM-DD&weeks=6 | marketer+" (issue 13: the Capacity view is for marketers and leads).
  'GET /api/capacity': { minimum: 'marketer' },
  // API v2 additions: "GET/POST /api/requests/:id/attachments | who may see the request (deliverable:
  // marketer+)"; marking a deliverable is a field rule, tested in attachments.test.ts.
  'GET /api/requests/:id/attachments': { minimum: 'signedIn' },
  'POST /api/requests/:id/attachments': { minimum: 'signedIn' },
  // "GET /api/attachments/:id/download, DELETE /api/attachments/:id | who may see the request; delete:
  // uploader or lead". The matrix's file was attached by the request's requester, so the marketer is
  // neither its uploader nor a lead.
  'GET /api/attachments/:id/download': { minimum: 'signedIn' },
  'DELETE /api/attachments/:id': {
    minimum: 'signedIn',
    refused: { roles: ['marketer'], why: 'only whoever attached a file, or a lead, removes it' },
  },
  // API v2 additions: "GET/POST /api/initiatives, PATCH /api/initiatives/:id | lead (GET: marketer+)".
  'GET /api/initiatives': { minimum: 'marketer' },
  'POST /api/initiatives': { minimum: 'lead' },
  'PATCH /api/initiatives/:id': { minimum: 'lead' },
  // Issue 13: "Insights: hours, delivered requests and open work per initiative": a report like the others.
  'GET /api/reports/initiatives': { minimum: 'insights' },
  // Issue 14: "GET /api/notifications?unread=true, POST /api/notifications/read | signed in | own
  // notifications" and "GET/PUT /api/me/notification-settings | signed in"; the @mention list is
  // "who may see the request" (another department's looks missing).
  'GET /api/notifications': { minimum: 'signedIn' },
  'POST /api/notifications/read': { minimum: 'signedIn' },
  'GET /api/me/notification-settings': { minimum: 'signedIn' },
  'PUT /api/me/notification-settings': { minimum: 'signedIn' },
  'GET /api/requests/:id/mentionable': { minimum: 'signedIn' },
  // Issue 14, invitations by link: "a lead invites" (and sees and revokes the pending ones); the
  // person who holds the link reads whom it is for and accepts it before they have an account.
  'POST /api/invitations': { minimum: 'lead' },
  'GET /api/invitations': { minimum: 'lead' },
  'DELETE /api/invitations/:id': { minimum: 'lead' },
  'GET /api/invitations/lookup': { minimum: 'anonymous' },
  'POST /api/invitations/accept': { minimum: 'anonymous' },
  // Contract: "GET /api/auth/oidc/start, GET /api/auth/oidc/callback | anyone | single sign-on when
  // configured"; the sign-in page reads whether it is (an addition of issue 14).
  'GET /api/auth/config': { minimum: 'anonymous' },
  'GET /api/auth/oidc/start': { minimum: 'anonymous', answers: { status: 404, why: 'single sign-on is not configured here' } },
  'GET /api/auth/oidc/callback': { minimum: 'anonymous', answers: { status: 404, why: 'single sign-on is not configured here' } },
};
