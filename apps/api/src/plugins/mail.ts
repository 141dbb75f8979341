import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMailer, type Mailer, type SmtpSettings } from '../modules/mail/sender';
import { mailBaseUrl, unsubscribeHeaders } from '../modules/digests/unsubscribe-headers';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
    /** PUBLIC_URL: the address people open Altitude at, for links in emails; null to use the request's origin. */
    publicUrl: string | null;
  }
}

/**
 * The outbox and its sender. The loop starts once the app is ready (sending what an earlier run
 * left queued) and stops before the server and the database close.
 */
export default fp(
  async (app: FastifyInstance, opts: { smtp: SmtpSettings | null; publicUrl: string | null }) => {
    const base = mailBaseUrl(opts.publicUrl);
    const mailer = createMailer({
      db: app.db,
      now: () => app.clock(),
      smtp: opts.smtp,
      log: app.log,
      headers: (message) => unsubscribeHeaders(app.db, base, message),
    });
    app.decorate('mailer', mailer);
    app.decorate('publicUrl', opts.publicUrl);
    if (opts.smtp && !opts.publicUrl) {
      app.log.warn('SMTP_URL is set without PUBLIC_URL: links in emails use the address each request came to');
    }
    app.addHook('onReady', async () => void mailer.runDue());
    app.addHook('preClose', async () => mailer.stop());
  },
  { name: 'mail', dependencies: ['db', 'auth'] },
);
