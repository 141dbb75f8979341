import type { Role } from '@altitude/shared/domain';

export const roleLabel: Record<Role, string> = { requester: 'Requester', marketer: 'Marketer', lead: 'Marketing lead' };
