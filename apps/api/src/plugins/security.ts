import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { HttpProblem } from '../errors';

const crossSite = () => new HttpProblem(403, 'csrf.origin_mismatch', 'Cross-site requests are not accepted.');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A script or stylesheet the build made (content-hashed under /assets/): never shown as a page.
 * The page-only headers (its CSP, framing, opener, cross-domain and download rules) govern the
 * document, and browsers ignore them on the files it loads; sent on each of the board's ~37
 * files they were 18 KB of its first load. Such a file keeps what applies to it: nosniff, its
 * cross-origin resource policy and the referrer policy its own imports follow. Everything else,
 * index.html, the API and every attachment, gets the whole set.
 */
const builtSubresource = /^\/assets\/[\w.-]+\.(?:js|css)(?:\?|$)/;

/**
 * Headers, and the cross-site write defence: a state-changing request must come from our own
 * origin (Origin or Sec-Fetch-Site), and must be JSON, which a cross-site form cannot send.
 */
export default fp(
  async (app: FastifyInstance) => {
    // Helmet's middleware, built once: @fastify/helmet built it again for every request (parsing
    // the CSP's directives each time), about 3 % of the server's CPU per write. A route that
    // needs other headers (an attachment's download) sets its own after these.
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets CSS variables through style attributes and one <style> element.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // Same rule as frame-ancestors 'none', for browsers that only know X-Frame-Options.
      frameguard: { action: 'deny' },
      // HSTS only means something over HTTPS; the hook below adds it there.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        if (builtSubresource.test(request.url)) {
          reply.header('x-content-type-options', 'nosniff');
          reply.header('cross-origin-resource-policy', 'same-origin');
          reply.header('referrer-policy', 'no-referrer');
          return done();
        }
      }
      securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined));
    });

    app.addHook('onRequest', async (request, reply) => {
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      }
      if (safeMethods.has(request.method)) return;
      const origin = request.headers.origin;
      if (origin !== undefined) {
        // Compare host and port, reading the Host header with the origin's scheme so an explicit
        // default port ("Host: example.com:443" against "https://example.com") still matches.
        let same: boolean;
        try {
          const from = new URL(origin);
          same = request.headers.host !== undefined && from.host === new URL(`${from.protocol}//${request.headers.host}`).host;
        } catch {
          same = false;
        }
        if (!same) {
          throw crossSite();
        }
      } else if (request.headers['sec-fetch-site'] === 'cross-site') {
        throw crossSite();
      }
    });

    // Fastify parses text/plain by default; a cross-site form could send one without a preflight.
    app.removeContentTypeParser(['text/plain']);
  },
  { name: 'security' },
);
