/**
 * Single sign-on settings, read from the environment (README "Single sign-on"): null when
 * OIDC_ISSUER is unset. Any half-set configuration stops the app at start-up with a message
 * naming the variable, rather than failing at someone's first sign-in.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back: OIDC_REDIRECT_URL, else `${PUBLIC_URL}/api/auth/oidc/callback`. */
  redirectUrl: string;
  /** The ID-token claim naming a new person's department (OIDC_DEPARTMENT_CLAIM); null: always the default. */
  departmentClaim: string | null;
  /** Claim value → department name (OIDC_DEPARTMENT_MAP, `sales=Sales,product=Product`); unmapped values are used as the name itself. */
  departmentMap: Record<string, string>;
  /** The department of a new person whose claim maps to none (OIDC_DEFAULT_DEPARTMENT). */
  defaultDepartment: string;
  /** SSO_ONLY=true: password sign-in, reset and change are turned off. */
  ssoOnly: boolean;
}

const truthy = (v: string | undefined) => ['1', 'true', 'yes', 'on'].includes((v ?? '').trim().toLowerCase());

/** Parses `key=Name,key2=Name 2` (whitespace around each part ignored). */
export function parseDepartmentMap(value: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    const name = pair.slice(at + 1).trim();
    if (at < 1 || !key || !name) throw new Error(`OIDC_DEPARTMENT_MAP: "${pair}" is not claim-value=Department name`);
    map[key] = name;
  }
  return map;
}

export function readOidc(env: NodeJS.ProcessEnv, publicUrl: string | null): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) {
    if (truthy(env.SSO_ONLY)) throw new Error('SSO_ONLY=true needs single sign-on configured (OIDC_ISSUER and the other OIDC_ variables)');
    return null;
  }
  if (!/^https?:\/\//.test(issuer)) throw new Error('OIDC_ISSUER must start with https:// (or http:// for a provider on this machine)');
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId) throw new Error('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  if (!clientSecret) throw new Error('OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set');
  const redirectUrl = env.OIDC_REDIRECT_URL?.trim() || (publicUrl ? `${publicUrl}/api/auth/oidc/callback` : '');
  if (!redirectUrl) throw new Error('OIDC_REDIRECT_URL (or PUBLIC_URL) is required when OIDC_ISSUER is set');
  const defaultDepartment = env.OIDC_DEFAULT_DEPARTMENT?.trim();
  if (!defaultDepartment) throw new Error('OIDC_DEFAULT_DEPARTMENT is required when OIDC_ISSUER is set (where new people land)');
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    departmentClaim: env.OIDC_DEPARTMENT_CLAIM?.trim() || null,
    departmentMap: parseDepartmentMap(env.OIDC_DEPARTMENT_MAP),
    defaultDepartment,
    ssoOnly: truthy(env.SSO_ONLY),
  };
}
