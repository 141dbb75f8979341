import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { takeEarly } from './early-fetch';

// What public/board-early.js leaves on the page, built by hand (the tests run in Node, whose
// global object stands in for the window).
const page = globalThis as unknown as { window?: unknown; __altitudeEarly?: unknown };
const leave = (url: string, status: number, ageMs = 0) => {
  const response = new Response(JSON.stringify({ url }), { status });
  page.__altitudeEarly = { url, at: Date.now() - ageMs, response: Promise.resolve(response) };
  return response;
};

describe('takeEarly', () => {
  beforeAll(() => {
    page.window ??= globalThis;
  });
  afterEach(() => {
    delete page.__altitudeEarly;
  });

  it('hands the early response to the first read of the same URL, and to no read after it', async () => {
    const response = leave('/api/board?q=banner', 200);
    expect(await takeEarly('/api/board?q=banner')).toBe(response);
    expect(await takeEarly('/api/board?q=banner')).toBeNull();
  });

  it('drops it when the first read asks for another URL (another filter), so a later matching read fetches afresh', async () => {
    leave('/api/board?q=banner', 200);
    expect(await takeEarly('/api/board')).toBeNull();
    expect(await takeEarly('/api/board?q=banner')).toBeNull();
  });

  it('never hands over a refusal: signed out (401) or not allowed (403) is fetched again the usual way', async () => {
    leave('/api/board', 401);
    expect(await takeEarly('/api/board')).toBeNull();
    leave('/api/board', 403);
    expect(await takeEarly('/api/board')).toBeNull();
  });

  it('ignores an answer started more than 10 seconds ago', async () => {
    leave('/api/board', 200, 10_500);
    expect(await takeEarly('/api/board')).toBeNull();
  });

  it('is null when no early read was started (any page but /board)', async () => {
    expect(await takeEarly('/api/board')).toBeNull();
  });
});
