import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unsubscribeLabels } from '@altitude/shared/unsubscribe';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page';
import { checkLink, unsubscribe } from './unsubscribe.service';

/**
 * `Referrer-Policy: same-origin` instead of the app's `no-referrer`: under `no-referrer` a browser
 * sends `Origin: null` with a form post, which the cross-site defence rightly refuses; this way
 * the page's own button carries its real origin (and a cross-site post still says `null`).
 */
const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'same-origin')
    .type('text/html; charset=utf-8')
    .send(body);

/**
 * `GET/POST /unsubscribe?u=&k=&sig=`: pages, not API routes (outside /api, HTML answers), open to
 * anyone holding a signed link. The signature is the authority, not a session: the link works
 * from any mail client. GET only asks; POST (the page's button, or a mail client's one-click
 * `List-Unsubscribe-Post`) changes the setting. Not wrapped in fastify-plugin, so the form
 * parsers below stay here and every other route still refuses form bodies.
 */
export default async function unsubscribeRoutes(app: FastifyInstance) {
  // The parameters travel in the query string; a form body (the button's empty one, RFC 8058's
  // "List-Unsubscribe=One-Click") is read and ignored.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, _body, done) => done(null, {}),
  );

  const config = { access: 'anonymous' } as const;
  const schema = { hide: true };

  app.get('/unsubscribe', { config, schema }, async (request: FastifyRequest, reply) => {
    const target = checkLink(app.db, request.query);
    if (!target) return html(reply, 400, invalidPage());
    return html(reply, 200, confirmPage(unsubscribeLabels[target.kind], target.email, request.url));
  });

  app.post('/unsubscribe', { config, schema }, async (request: FastifyRequest, reply) => {
    const target = checkLink(app.db, request.query);
    if (!target) return html(reply, 400, invalidPage());
    unsubscribe(app.db, target);
    request.log.info({ userId: target.userId, kind: target.kind }, 'unsubscribed by email link');
    return html(reply, 200, donePage(unsubscribeLabels[target.kind]));
  });
}
