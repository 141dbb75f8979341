import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  department?: string;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with one confidential client. Its login and
 * consent screens are replaced by code: each interaction signs in `nextAccount` and grants the
 * scopes asked for, so a test drives the whole flow over HTTP.
 */
export async function startProvider(redirectUrl: string) {
  const accounts = new Map<string, TestAccount>();
  let nextAccount = '';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'altitude',
        client_secret: 'altitude-test-secret',
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'department'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ ...account, email_verified: true }) };
    },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['altitude-test-cookie-key'] },
    pkce: { required: () => true },
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = (await provider.interactionDetails(req, res)) as {
        prompt: { name: string; details: { missingOIDCScope?: string[] } };
        params: { client_id: string };
      };
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: nextAccount, clientId: details.params.client_id });
      grant.addOIDCScope((details.prompt.details.missingOIDCScope ?? ['openid']).join(' '));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    addAccount: (account: TestAccount) => void accounts.set(account.sub, account),
    /** Who the next interaction signs in. */
    signInAs: (sub: string) => void (nextAccount = sub),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the provider's redirects as a browser would (its cookies kept), from the authorisation
 * URL until it sends the browser back to `redirectUrl`; returns that URL with code and state.
 */
export async function followProvider(authorizationUrl: string, redirectUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectUrl)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
