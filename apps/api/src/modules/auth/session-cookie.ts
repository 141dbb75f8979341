import type { FastifyReply, FastifyRequest } from 'fastify';
import { absoluteTimeoutMs, sessionCookie } from './sessions';

/** Sets the session cookie the way every sign-in does (password, invitation, single sign-on). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: absoluteTimeoutMs / 1000,
  });
}

/**
 * Where a link in an email points: PUBLIC_URL when set; otherwise the origin the request came from
 * (the security plugin has already checked a browser's Origin against Host).
 */
export function linkOrigin(publicUrl: string | null, request: FastifyRequest): string {
  if (publicUrl) return publicUrl;
  return request.headers.origin ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
