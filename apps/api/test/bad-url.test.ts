import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

/**
 * A URL the router cannot read (a malformed %-escape, an over-long parameter) is answered like
 * any other bad request: problem+json with the security headers, not Fastify's own JSON, and
 * without repeating the URL back. Sent over a real socket, byte for byte as written.
 */

const securityHeaders = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

let t: TestApp;
let port: number;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  cookie = await t.login('marketer@example.com');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.app.close());

function send(method: string, path: string, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('malformed URLs', () => {
  it.each([
    ['GET', '/api/requests/%E0%A4%A'],
    ['GET', '/api/requests/%E0%A4%A/comments'],
    ['GET', '/api/requests/%'],
    ['GET', '/api/requests/%zz'],
    ['GET', '/%E0%A4%A'],
    ['GET', '/board/%C0'],
    ['PATCH', '/api/requests/%E0%A4%A'],
  ])('%s %s answers 400 problem+json with the security headers, without echoing the URL', async (method, path) => {
    const res = await send(method, path, method === 'PATCH' ? '{"title":"x"}' : undefined);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers[name], name).toBe(value);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 400,
      code: 'url.malformed',
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(body.errors).toEqual([{ path: 'url', message: expect.any(String) }]);
    expect(res.body).not.toMatch(/%E0|%zz|%C0|FST_ERR|is not a valid url/i);
  });

  it('an over-long path parameter is a 414 problem', async () => {
    const res = await send('GET', `/api/requests/${'1'.repeat(300)}`);
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toContain('1'.repeat(300));
  });

  it('the server keeps answering well-formed URLs, escapes included', async () => {
    expect((await send('GET', '/api/health')).status).toBe(200);
    expect((await send('GET', '/api/requests/%31')).status).toBe(200);
  });
});
