import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** True when `value` holds a `stack` key at any depth. */
function hasStackKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasStackKey);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k === 'stack' || hasStackKey(v));
  }
  return false;
}

/** Asserts the body leaks no stack trace, file path or `stack` member. */
export function expectNoStackTrace(res: LightMyRequestResponse) {
  expect(res.body).not.toMatch(/^\s*at\s/m);
  expect(res.body).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
  if (res.body) expect(hasStackKey(JSON.parse(res.body))).toBe(false);
}

/** Asserts an RFC 9457 problem+json answer with `status`, and returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expectNoStackTrace(res);
  return body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    code?: string;
    errors?: { path: string; message: string }[];
  } & Record<string, unknown>;
}
