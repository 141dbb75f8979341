import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandBack } from '@altitude/shared/insights';
import type { Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { addUser, fileRequest, getRequest, ok, requestTypeId, signIn, tickingClock, type Caller } from './request-helpers';

/**
 * A hand-back candidate says how many of its requests were already handed back (returned to the
 * requester to self-serve). Declined and withdrawn requests are not handed back.
 */
/** No kit in this story: every candidate says so. */
const noKit = { kit: null, kitPublishedAt: null, avoided: 0, filedSince: 0, minutesSaved: 0 };

describe('hand-back candidates count only requests handed back', () => {
  let t: TestApp;
  let lead: Caller;
  let marketer: Caller;
  let sales: Caller;
  let product: Caller;
  let bannerType: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-11-20T12:00:00.000Z')) });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    await addUser(t, 'product@example.com', 'requester', 'Product');
    [lead, marketer, sales, product] = [
      await signIn(t, 'lead@example.com'),
      await signIn(t, 'marketer@example.com'),
      await signIn(t, 'sales@example.com'),
      await signIn(t, 'product@example.com'),
    ];
    bannerType = await requestTypeId(marketer, 'Event banner'); // tactical by default
  });
  afterAll(() => t.app.close());

  async function bannerWithTime(by: Caller, title: string, minutes: number): Promise<Request> {
    const filed = await fileRequest(by, { title, typeId: bannerType });
    ok(await marketer.post(`/api/requests/${filed.id}/time-entries`, { minutes, date: '2026-11-20' }), 201);
    return getRequest(marketer, filed.id);
  }
  async function decline(request: Request, resolution?: 'declined' | 'handed_back') {
    const body = {
      status: 'declined',
      version: request.version,
      ...(resolution ? { resolution } : {}),
      ...(resolution === 'handed_back' ? { note: 'Use the banner kit.' } : {}),
    };
    return ok<Request>(await marketer.post(`/api/requests/${request.id}/move`, body));
  }

  it('three handed back, three declined, one withdrawn and one open of eight: 3 handed back of 7 requests', async () => {
    // Sales files eight banners in November, 30 minutes of work each.
    const salesBanners: Request[] = [];
    for (let i = 1; i <= 8; i++) salesBanners.push(await bannerWithTime(sales, `Sales banner ${i}`, 30));
    const [r1, r2, r3, r4, r5, r6, r7] = salesBanners as [Request, Request, Request, Request, Request, Request, Request, Request];
    for (const r of [r1, r2, r3]) expect((await decline(r, 'handed_back')).resolution).toBe('handed_back');
    for (const r of [r4, r5]) expect((await decline(r, 'declined')).resolution).toBe('declined');
    expect((await decline(r6)).resolution).toBe('declined');
    // The requester withdraws the seventh: withdrawn requests are no candidates at all.
    expect(ok<Request>(await sales.post(`/api/requests/${r7.id}/cancel`, { version: r7.version })).resolution).toBe('cancelled');
    // The eighth stays open in intake.

    // Product files five banners, 20 minutes each, all declined and none handed back.
    for (let i = 1; i <= 5; i++) await decline(await bannerWithTime(product, `Product banner ${i}`, 20), 'declined');

    // November 1 to 20: 20 days, so the rule asks for at least max(5, ⌈20 / 14⌉) = 5 requests.
    const report = ok<HandBack>(await lead.get('/api/reports/hand-back?from=2026-11-01&to=2026-11-20'));
    expect(report.rule).toEqual({ minRequests: 5, maxMinutesEach: 180 });
    expect(report.items.map(({ requestIds: _ids, departmentId: _d, typeId: _t, ...rest }) => rest)).toEqual([
      {
        departmentName: 'Sales',
        typeName: 'Event banner',
        requestCount: 7,
        workedCount: 7,
        totalMinutes: 210,
        minutesEach: 30,
        handedBackCount: 3,
        ...noKit,
      },
      {
        departmentName: 'Product',
        typeName: 'Event banner',
        requestCount: 5,
        workedCount: 5,
        totalMinutes: 100,
        minutesEach: 20,
        handedBackCount: 0,
        ...noKit,
      },
    ]);
    expect(report.items[0]!.requestIds).toEqual(salesBanners.filter((r) => r.id !== r7.id).map((r) => r.id));
  });
});
