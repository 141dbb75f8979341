import type { Role } from '@altitude/shared/domain';
import { roleMeets, type Access } from '@altitude/shared/domain';

export interface NavItem {
  label: string;
  to: string;
  access: Access;
}

/** The navigation, in order; an item appears only for roles that may use it, and only once its page works. */
export const navItems: NavItem[] = [
  { label: 'Home', to: '/', access: 'signedIn' },
];

export const navFor = (role: Role) => navItems.filter((item) => roleMeets(role, item.access));
