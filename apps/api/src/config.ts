import net from 'node:net';
import path from 'node:path';
import { readLimits, type Limits } from './limits';
import type { SmtpSettings } from './modules/mail/sender';
import { readOidc, type OidcSettings } from './modules/auth/oidc-config';

/**
 * Which forwarding proxies to believe (TRUST_PROXY): `false` ignores X-Forwarded-* (the
 * default: a client cannot claim another address or HTTPS); a number trusts that many proxy hops
 * in front of the app (`1`/`true`: one reverse proxy); a list trusts only peers at those
 * addresses or CIDR ranges (or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = false | number | string[];

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  demo: boolean;
  /** Where the built web app lives; absent in API-only runs such as tests. */
  webRoot: string | null;
  logLevel: string;
  /** Timeouts, connection and stream caps. */
  limits: Limits;
  trustProxy: TrustProxy;
  /** SMTP_URL and MAIL_FROM; null sends nothing and keeps every message in the outbox. */
  smtp: SmtpSettings | null;
  /** PUBLIC_URL without a trailing slash, for links in emails; null: the request's origin. */
  publicUrl: string | null;
  /** Single sign-on (OIDC_* and SSO_ONLY); null when OIDC_ISSUER is unset. */
  oidc: OidcSettings | null;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses TRUST_PROXY; throws on an entry that is neither an address, a CIDR range nor a range name. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'off', 'no'].includes(v)) return false;
  if (['true', 'on', 'yes'].includes(v)) return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!namedRanges.has(entry) && (family === 0 || !okBits || extra !== undefined)) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR range or one of ${[...namedRanges].join(', ')}`);
    }
  }
  return entries;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databasePath: path.resolve(repoRoot, env.DATABASE_PATH ?? 'data/altitude.db'),
    demo: env.ALTITUDE_DEMO !== '0',
    webRoot: path.resolve(repoRoot, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    limits: readLimits(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    smtp: readSmtp(env),
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    oidc: readOidc(env, readPublicUrl(env.PUBLIC_URL)),
  };
}

/** SMTP_URL turns sending on; it needs MAIL_FROM, since a made-up sender is refused by most servers. */
export function readSmtp(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new Error('MAIL_FROM is required when SMTP_URL is set (e.g. "Altitude <altitude@example.com>")');
  return { url, from };
}

export function readPublicUrl(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`PUBLIC_URL: "${v}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('PUBLIC_URL must start with http:// or https://');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
