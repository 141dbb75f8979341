import type { Role } from '@altitude/shared/domain';

/** What a role is called on screen (account menu, people list, invitations). */
export const roleLabel: Record<Role, string> = { requester: 'Requester', marketer: 'Marketer', lead: 'Marketing lead' };

/** What each role may do, as the product brief puts it. */
export const roleHint: Record<Role, string> = {
  requester: 'Files requests and follows those of their department',
  marketer: 'Works the board: triage, classify, log time',
  lead: 'Everything, plus insights and settings',
};
