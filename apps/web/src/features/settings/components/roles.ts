import type { Role } from '@altitude/shared/domain';

/** Role choices with what each may do, as the product brief puts it. */
export const roleOptions: { value: Role; label: string; hint: string }[] = [
  { value: 'requester', label: 'Requester', hint: 'Files requests and follows those of their department' },
  { value: 'marketer', label: 'Marketer', hint: 'Works the board: triage, classify, log time' },
  { value: 'lead', label: 'Marketing lead', hint: 'Everything, plus insights and settings' },
];

export const roleName = (role: Role) => roleOptions.find((r) => r.value === role)?.label ?? role;
