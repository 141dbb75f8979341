import * as client from 'openid-client';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { OidcSettings } from './oidc-config';
import { flowMaxAgeSeconds, type Flow } from './oidc-flow-cookie';
import { matchOrCreate, type Matched } from './oidc-users';

/**
 * The provider's metadata is fetched once, at the first sign-in rather than at start-up, so a
 * provider that is down keeps only SSO from working. A provider on plain http (a test, or one
 * on this machine) is allowed because the administrator configured that URL themselves.
 */
export function oidcClient(settings: OidcSettings) {
  let config: Promise<client.Configuration> | null = null;
  const configuration = () =>
    (config ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = null; // try again at the next sign-in
        throw error;
      }));

  return {
    /** The provider's authorisation URL, and the flow to keep in the signed cookie until the callback. */
    async start(now: Date): Promise<{ url: string; flow: Flow }> {
      const verifier = client.randomPKCECodeVerifier();
      const flow: Flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier,
        expiresAt: now.getTime() + flowMaxAgeSeconds * 1000,
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flow };
    },

    /**
     * Exchanges the code (PKCE), and checks state, nonce, issuer, audience and signature through
     * openid-client; any mismatch throws. Then finds or creates the person.
     */
    async finish(db: Db, callbackUrl: URL, flow: Flow, log: FastifyBaseLogger): Promise<Matched> {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Many providers keep profile and email out of the ID token: ask the userinfo endpoint (its
      // answer is checked to be about the same subject).
      const claims =
        idClaims.email === undefined
          ? { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims }
          : idClaims;
      const claim = settings.departmentClaim ? claims[settings.departmentClaim] : undefined;
      const matched = matchOrCreate(db, settings, {
        sub: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : undefined,
        department: typeof claim === 'string' ? claim : undefined,
      });
      log.info(
        {
          sub: claims.sub,
          ok: matched.ok,
          ...(matched.ok ? { userId: matched.user.id, created: matched.created } : { reason: matched.reason }),
        },
        'single sign-on',
      );
      return matched;
    },
  };
}
export type OidcClient = ReturnType<typeof oidcClient>;
