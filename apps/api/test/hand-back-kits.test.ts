import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandBack } from '@altitude/shared/insights';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, departmentId, fileRequest, moveTo, ok, requestTypeId, signIn, type Caller } from './request-helpers';

/**
 * The hand-back report says, per candidate, whether a kit is offered, how many requests it
 * avoided and how many were filed anyway since it was published (within the period), and the
 * minutes saved at the type's usual effort. Every figure below is counted by hand.
 */
describe('hand-back candidates with their kit', () => {
  let t: TestApp;
  let at = new Date('2026-11-02T10:00:00.000Z').getTime();
  let lead: Caller;
  let marketer: Caller;
  let sales: Caller;
  let product: Caller;
  let bannerType: number;
  let salesId: number;
  const b: { id: number }[] = [];
  const kit = () => ({ url: 'https://kits.example.com/banners', instructions: 'Use the template.', departmentIds: [salesId] });

  /** Moves the clock; sessions go idle after 12 hours, so everyone signs in again. */
  async function jumpTo(iso: string) {
    at = new Date(iso).getTime();
    [lead, marketer, sales, product] = [
      await signIn(t, 'lead@example.com'),
      await signIn(t, 'marketer@example.com'),
      await signIn(t, 'sales@example.com'),
      await signIn(t, 'product@example.com'),
    ];
  }
  const setClock = (iso: string) => (at = new Date(iso).getTime());
  const use = async (by: Caller) => ok(await by.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' }), 201);
  const banner = (by: Caller, title: string, kitReason?: string) =>
    fileRequest(by, { title, typeId: bannerType, ...(kitReason ? { kitReason } : {}) });
  const logTime = async (id: number, minutes: number) =>
    ok(await marketer.post(`/api/requests/${id}/time-entries`, { minutes, date: '2026-11-02' }), 201);
  const deliver = async (id: number) => {
    await classify(marketer, id, 'tactical');
    await moveTo(marketer, id, 'done');
  };
  const candidates = async (query: string) => ok<HandBack>(await lead.get(`/api/reports/hand-back?${query}`)).items;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => new Date(at) });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    await addUser(t, 'product@example.com', 'requester', 'Product');
    await jumpTo('2026-11-02T10:00:00.000Z');
    bannerType = await requestTypeId(lead, 'Event banner'); // tactical by default
    salesId = await departmentId(lead, 'Sales');

    // 2 Nov: Sales files seven banners, Product one. Time: 30, 40, 50, 60, 70, 80 on the first
    // six of Sales, 100 on Product's; the seventh has none.
    for (let i = 1; i <= 7; i++) b.push(await banner(sales, `Sales banner ${i}`));
    const p1 = await banner(product, 'Product banner 1');
    for (const [i, minutes] of [30, 40, 50, 60, 70, 80].entries()) await logTime(b[i]!.id, minutes);
    await logTime(p1.id, 100);
    // Delivered: 30, 40, 60, 80 (Sales), the seventh (no time), and Product's 100.
    for (const r of [b[0]!, b[1]!, b[3]!, b[5]!, b[6]!, p1]) await deliver(r.id);
  });
  afterAll(() => t.app.close());

  it('without a kit a candidate says so, with nothing avoided or saved', async () => {
    const items = await candidates('from=2026-11-01&to=2026-11-02');
    expect(items.map((c) => [c.departmentName, c.typeName, c.kit, c.kitPublishedAt, c.avoided, c.filedSince, c.minutesSaved])).toEqual([
      ['Sales', 'Event banner', null, null, 0, 0, 0],
    ]);
  });

  it('counts outcomes since the current kit was published, within the period, and saves the usual effort per request avoided', async () => {
    // A first kit at 12:00 on 2 Nov: two uses and one filing, then it is removed at 13:00.
    setClock('2026-11-02T12:00:00.000Z');
    ok(await lead.patch(`/api/request-types/${bannerType}`, { selfServeKit: kit() }));
    setClock('2026-11-02T12:30:00.000Z');
    await use(sales);
    await use(sales);
    await banner(sales, 'Sales banner 8', 'Custom size');
    setClock('2026-11-02T13:00:00.000Z');
    ok(await lead.patch(`/api/request-types/${bannerType}`, { selfServeKit: null }));

    // Published again on 5 Nov at 10:00: three uses, two filings (one with a reason).
    await jumpTo('2026-11-05T10:00:00.000Z');
    ok(await lead.patch(`/api/request-types/${bannerType}`, { selfServeKit: kit() }));
    setClock('2026-11-05T11:00:00.000Z');
    for (let i = 0; i < 3; i++) await use(sales);
    await banner(sales, 'Sales banner 9', 'Needs the new logo');
    await banner(sales, 'Sales banner 10');
    // Product is not offered it: refused, nothing counted.
    expectProblem(await product.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' }), 409);

    // 21 Nov: one more use, after the first period below ends.
    await jumpTo('2026-11-21T10:00:00.000Z');
    await use(sales);

    // 1–20 Nov. Sales filed banners 1–10: 10 requests, 6 worked, 30+40+50+60+70+80 = 330 min,
    // 55 each. Since 5 Nov 10:00: 3 used, 2 filed (the first kit's 2 uses and 1 filing came
    // before it). Usual effort: the delivered banners with time, 30, 40, 60, 80, 100 (Product's
    // counts too: it is the type's effort), median 60; 3 avoided × 60 = 180 minutes saved.
    const [salesBanners, ...others] = await candidates('from=2026-11-01&to=2026-11-20');
    expect(others).toEqual([]);
    expect(salesBanners).toMatchObject({
      departmentName: 'Sales',
      typeName: 'Event banner',
      requestCount: 10,
      workedCount: 6,
      totalMinutes: 330,
      minutesEach: 55,
      kit: { url: 'https://kits.example.com/banners' },
      kitPublishedAt: '2026-11-05T10:00:00.000Z',
      avoided: 3,
      filedSince: 2,
      minutesSaved: 180,
    });

    // Through 21 Nov the last use counts: 4 avoided × 60 = 240.
    expect(await candidates('from=2026-11-01&to=2026-11-21')).toMatchObject([{ avoided: 4, filedSince: 2, minutesSaved: 240 }]);
  });

  it('an even number of delivered requests takes the mean of the two middle efforts', async () => {
    // Deliver banner 3 (50 min): the efforts are 30, 40, 50, 60, 80, 100, median (50 + 60) / 2 = 55.
    await deliver(b[2]!.id);
    expect(await candidates('from=2026-11-01&to=2026-11-21')).toMatchObject([{ avoided: 4, minutesSaved: 4 * 55 }]);
  });

  it('a kit offered to other departments only is no kit for this candidate', async () => {
    const productId = await departmentId(lead, 'Product');
    ok(await lead.patch(`/api/request-types/${bannerType}`, { selfServeKit: { ...kit(), departmentIds: [productId] } }));
    expect(await candidates('from=2026-11-01&to=2026-11-21')).toMatchObject([
      { kit: null, kitPublishedAt: null, avoided: 0, filedSince: 0, minutesSaved: 0 },
    ]);
  });
});
