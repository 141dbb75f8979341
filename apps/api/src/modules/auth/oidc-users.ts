import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db, Queryable } from '../../db/client';
import { departments, users } from '../../db/schema';
import type { OidcSettings } from './oidc-config';

/** Stored as the password hash of people created by single sign-on: no password ever matches it. */
export const noPassword = '!sso';

export interface OidcClaims {
  sub: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  department?: string;
}

export type Matched = { ok: true; user: SessionUser; created: boolean } | { ok: false; reason: 'disabled' | 'no_email' | 'no_department' };

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  departmentId: users.departmentId,
  canViewInsights: users.canViewInsights,
  active: users.active,
};

function departmentFor(tx: Queryable, settings: OidcSettings, claim: string | undefined): number | null {
  const byName = (name: string) =>
    tx
      .select({ id: departments.id })
      .from(departments)
      .where(sql`lower(${departments.name}) = ${name.toLowerCase()}`)
      .get()?.id ?? null;
  const mapped = claim ? (settings.departmentMap[claim] ?? claim) : null;
  return (mapped && byName(mapped)) || byName(settings.defaultDepartment);
}

/**
 * The person behind verified claims, in one transaction: by subject; else by a verified email
 * (the subject is linked to that account); else a new requester in the mapped department.
 * A deactivated account is refused, however it was found.
 */
export function matchOrCreate(db: Db, settings: OidcSettings, claims: OidcClaims): Matched {
  return db.transaction((tx): Matched => {
    let row = tx.select(columns).from(users).where(eq(users.oidcSubject, claims.sub)).get();
    const email = claims.email?.trim().toLowerCase();
    if (!row && email && claims.emailVerified) {
      row = tx
        .select(columns)
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`)
        .get();
      if (row && row.active) tx.update(users).set({ oidcSubject: claims.sub }).where(eq(users.id, row.id)).run();
    }
    if (row) {
      if (!row.active) return { ok: false, reason: 'disabled' };
      const { active: _active, ...user } = row;
      return { ok: true, user, created: false };
    }
    if (!email || !claims.emailVerified) return { ok: false, reason: 'no_email' };
    const departmentId = departmentFor(tx, settings, claims.department);
    if (departmentId === null) return { ok: false, reason: 'no_department' };
    const { active: _active, ...user } = tx
      .insert(users)
      .values({
        email,
        name: claims.name?.trim() || email.split('@')[0]!,
        role: 'requester',
        departmentId,
        passwordHash: noPassword,
        oidcSubject: claims.sub,
      })
      .returning(columns)
      .get();
    return { ok: true, user, created: true };
  });
}
