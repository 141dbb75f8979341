import type { z } from 'zod';
import type { Problem } from '@altitude/shared/problem';

/** A failed API call, carrying the server's problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem & Record<string, unknown>,
  ) {
    super(problem.detail ?? problem.title);
  }
  /** The server's message for one field, if it named that field. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

/** Fired when a call meets 401 so the app can send the user to sign in and bring them back. */
export const unauthorizedEvent = 'altitude:unauthorized';

async function call<T extends z.ZodType>(method: string, url: string, schema: T, body?: unknown): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach Altitude. Check your connection and try again.',
    });
  }
  return readResponse(url, res, schema);
}

/** An answer's body checked against `schema`, or the ApiError its problem+json describes. */
export async function readResponse<T extends z.ZodType>(url: string, res: Response, schema: T): Promise<z.infer<T>> {
  if (res.status === 204) return schema.parse(null);
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const problem = (data ?? { type: 'about:blank', title: res.statusText, status: res.status }) as ApiError['problem'];
    if (res.status === 401 && url !== '/api/auth/login') window.dispatchEvent(new Event(unauthorizedEvent));
    throw new ApiError(res.status, problem);
  }
  return schema.parse(data);
}

export const api = {
  get: <T extends z.ZodType>(url: string, schema: T) => call('GET', url, schema),
  post: <T extends z.ZodType>(url: string, schema: T, body?: unknown) => call('POST', url, schema, body),
  put: <T extends z.ZodType>(url: string, schema: T, body?: unknown) => call('PUT', url, schema, body),
  patch: <T extends z.ZodType>(url: string, schema: T, body?: unknown) => call('PATCH', url, schema, body),
  delete: <T extends z.ZodType>(url: string, schema: T) => call('DELETE', url, schema),
};

/** Builds `?a=1&b=2` from defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
