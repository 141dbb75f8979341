import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** API answers hold one person's data: no browser or proxy may keep a copy. */
export const apiCacheControl = 'private, no-store';

/**
 * Cache-Control of a file of the built web app, by its path relative to the web root. Vite puts a
 * content hash in every name under assets/, so those never change and may be kept a year;
 * index.html (and anything else unhashed) must be revalidated, or a deploy would leave browsers
 * on an index.html that names assets which no longer exist.
 */
export function staticCacheControl(relativePath: string): string {
  return relativePath.split(/[\\/]/)[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** Every /api answer gets `private, no-store` unless its route chose otherwise (the event stream sets its own). */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply) => {
      if (isApi(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', apiCacheControl);
    });
  },
  { name: 'cache-control' },
);
