import type { SessionUser } from '@altitude/shared/auth';
import { userMeets, type Access } from '@altitude/shared/domain';

export interface NavItem {
  label: string;
  to: string;
  access: Access;
}

/** The navigation, in order; an item appears only for roles that may use it, and only once its page works. */
export const navItems: NavItem[] = [
  { label: 'New request', to: '/requests/new', access: 'signedIn' },
  { label: 'My requests', to: '/requests', access: 'signedIn' },
  { label: 'Board', to: '/board', access: 'marketer' },
  { label: 'Timesheet', to: '/timesheet', access: 'marketer' },
  { label: 'Capacity', to: '/capacity', access: 'marketer' },
  { label: 'Insights', to: '/insights', access: 'insights' },
  { label: 'Settings', to: '/settings', access: 'lead' },
];

export const navFor = (user: SessionUser) => navItems.filter((item) => userMeets(user, item.access));
