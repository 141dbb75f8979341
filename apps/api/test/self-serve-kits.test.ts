import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RequestType } from '@altitude/shared/directory';
import { kitOutcomes, requestTypes } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, departmentId, fileRequest, ok, requestTypeId, signIn, type Caller } from './request-helpers';

/**
 * Self-serve kits: a lead puts a kit on a request type (optionally for some departments); a
 * requester it is offered to either uses it (a request avoided) or files anyway (counted, with
 * an optional reason).
 */
describe('self-serve kits', () => {
  let t: TestApp;
  // The clock stands still unless a test moves it (by hours: sessions go idle after 12), so publication times can be told apart.
  let at = new Date('2026-11-02T09:00:00.000Z').getTime();
  const setClock = (iso: string) => (at = new Date(iso).getTime());
  let lead: Caller;
  let marketer: Caller;
  let sales: Caller;
  let product: Caller;
  let bannerType: number;
  let salesId: number;
  let productId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => new Date(at) });
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
    bannerType = await requestTypeId(lead, 'Event banner');
    salesId = await departmentId(lead, 'Sales');
    productId = await departmentId(lead, 'Product');
  });
  afterAll(() => t.app.close());

  const publishedAt = (typeId: number) =>
    t.app.db.select({ at: requestTypes.kitPublishedAt }).from(requestTypes).where(eq(requestTypes.id, typeId)).get()!.at;
  const outcomesOf = (typeId: number) => t.app.db.select().from(kitOutcomes).where(eq(kitOutcomes.typeId, typeId)).all();
  const setKit = async (typeId: number, selfServeKit: unknown) =>
    t.app.inject({ method: 'PATCH', url: `/api/request-types/${typeId}`, headers: { cookie: lead.cookie }, payload: { selfServeKit } });

  const salesKit = () => ({
    url: 'https://kits.example.com/banners',
    instructions: 'Pick a template, drop in the logo.',
    departmentIds: [salesId],
  });

  describe('a lead sets, edits and removes a kit', () => {
    it('a kit appears: answered on the type and in the list, published now', async () => {
      setClock('2026-11-02T09:00:00.000Z');
      const type = ok<RequestType>(await setKit(bannerType, salesKit()));
      expect(type.selfServeKit).toEqual(salesKit());
      const listed = ok<{ items: RequestType[] }>(await sales.get('/api/request-types')).items.find((x) => x.id === bannerType)!;
      expect(listed.selfServeKit).toEqual(salesKit());
      expect(publishedAt(bannerType)).toBe('2026-11-02T09:00:00.000Z');
    });

    it('editing the kit keeps the publication date; editing something else keeps the kit', async () => {
      setClock('2026-11-02T10:00:00.000Z');
      const edited = { ...salesKit(), instructions: 'Use the Q4 template.' };
      expect(ok<RequestType>(await setKit(bannerType, edited)).selfServeKit).toEqual(edited);
      expect(publishedAt(bannerType)).toBe('2026-11-02T09:00:00.000Z');
      const renamed = ok<RequestType>(await lead.patch(`/api/request-types/${bannerType}`, { description: 'Banners for events' }));
      expect(renamed.selfServeKit).toEqual(edited);
      expect(publishedAt(bannerType)).toBe('2026-11-02T09:00:00.000Z');
    });

    it('removing the kit clears it and its date; a new kit is published afresh', async () => {
      setClock('2026-11-02T11:00:00.000Z');
      expect(ok<RequestType>(await setKit(bannerType, null)).selfServeKit).toBeNull();
      expect(publishedAt(bannerType)).toBeNull();
      setClock('2026-11-02T11:30:00.000Z');
      ok(await setKit(bannerType, salesKit()));
      expect(publishedAt(bannerType)).toBe('2026-11-02T11:30:00.000Z');
    });

    it('departments default to everyone, and repeated ids are kept once', async () => {
      const type = ok<RequestType>(
        await lead.post('/api/request-types', {
          name: 'Social card',
          turnaroundDays: 2,
          defaultClassification: 'tactical',
          selfServeKit: { url: 'http://kits.example.com/social', instructions: 'Use Canva.' },
        }),
        201,
      );
      expect(type.selfServeKit).toEqual({ url: 'http://kits.example.com/social', instructions: 'Use Canva.', departmentIds: [] });
      expect(publishedAt(type.id)).toBe('2026-11-02T11:30:00.000Z');
      const twice = ok<RequestType>(await setKit(type.id, { ...salesKit(), departmentIds: [salesId, productId, salesId] }));
      expect(twice.selfServeKit!.departmentIds).toEqual([salesId, productId]);
    });

    it('an unknown department is a 422 naming its place in the list; nothing changes', async () => {
      const before = publishedAt(bannerType);
      const body = expectProblem(await setKit(bannerType, { ...salesKit(), departmentIds: [salesId, 987654, productId, 987655] }), 422);
      expect(body.errors).toEqual([
        { path: 'selfServeKit.departmentIds.1', message: 'is not a department' },
        { path: 'selfServeKit.departmentIds.3', message: 'is not a department' },
      ]);
      expect(
        ok<{ items: RequestType[] }>(await lead.get('/api/request-types')).items.find((x) => x.id === bannerType)!.selfServeKit,
      ).toEqual(salesKit());
      expect(publishedAt(bannerType)).toBe(before);
    });

    it.each(['javascript:alert(1)', 'ftp://files.example.com/kit', 'not a link', 'data:text/html,hi'])(
      'a link that is not a web link (%s) is a 422 naming selfServeKit.url',
      async (url) => {
        const body = expectProblem(await setKit(bannerType, { ...salesKit(), url }), 422);
        expect(body.errors!.map((e) => e.path)).toEqual(['selfServeKit.url']);
      },
    );

    it('a malformed kit (missing instructions, an unknown key) is a 400 naming the field', async () => {
      expect(expectProblem(await setKit(bannerType, { url: 'https://a.example.com' }), 400).errors!.map((e) => e.path)).toEqual([
        'selfServeKit.instructions',
      ]);
      const extra = expectProblem(await setKit(bannerType, { ...salesKit(), colour: 'red' }), 400);
      expect(extra.errors!.map((e) => e.path)).toEqual(['selfServeKit.colour']);
    });

    it('a marketer cannot set a kit', async () => {
      expectProblem(await marketer.patch(`/api/request-types/${bannerType}`, { selfServeKit: null }), 403);
      expect(publishedAt(bannerType)).toBe('2026-11-02T11:30:00.000Z');
    });
  });

  describe('outcomes', () => {
    it('a salesperson who uses the kit records a request avoided (201) and files nothing', async () => {
      setClock('2026-11-02T12:00:00.000Z');
      const before = outcomesOf(bannerType).length;
      const used = ok<{ id: number; typeId: number; outcome: string; createdAt: string }>(
        await sales.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' }),
        201,
      );
      expect(used).toEqual({ id: expect.any(Number), typeId: bannerType, outcome: 'used', createdAt: '2026-11-02T12:00:00.000Z' });
      const rows = outcomesOf(bannerType);
      expect(rows.length).toBe(before + 1);
      expect(rows.at(-1)).toMatchObject({ userId: sales.user.id, departmentId: salesId, outcome: 'used', reason: null, requestId: null });
      expect(ok<{ items: unknown[] }>(await sales.get('/api/requests?mine=true')).items).toEqual([]);
    });

    it('someone the kit is not offered to gets a 409 problem, and nothing is counted', async () => {
      const before = outcomesOf(bannerType).length;
      expect(expectProblem(await product.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' }), 409).code).toBe(
        'request_type.kit_not_offered',
      );
      const plain = await requestTypeId(lead, 'Market research');
      expectProblem(await sales.post(`/api/request-types/${plain}/kit-outcomes`, { outcome: 'used' }), 409);
      expectProblem(await sales.post(`/api/request-types/987654/kit-outcomes`, { outcome: 'used' }), 404);
      // Filing anyway goes through POST /api/requests, never through this route.
      expect(
        expectProblem(await sales.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'filed' }), 400).errors![0]!.path,
      ).toBe('outcome');
      expect(outcomesOf(bannerType).length).toBe(before);
    });

    it('filing a type whose kit is offered records a filed outcome with the reason and the request, with or without a reason', async () => {
      const before = outcomesOf(bannerType).length;
      const withReason = await fileRequest(sales, {
        title: 'Banner for the Berlin fair',
        typeId: bannerType,
        kitReason: 'Needs a custom 3 m size',
      });
      const without = await fileRequest(sales, { title: 'Banner for the Lyon fair', typeId: bannerType });
      const rows = outcomesOf(bannerType).slice(before);
      expect(rows.map((r) => ({ outcome: r.outcome, reason: r.reason, requestId: r.requestId, departmentId: r.departmentId }))).toEqual([
        { outcome: 'filed', reason: 'Needs a custom 3 m size', requestId: withReason.id, departmentId: salesId },
        { outcome: 'filed', reason: null, requestId: without.id, departmentId: salesId },
      ]);
    });

    it('a reason sent where no kit is offered is ignored: the request is filed, nothing counted', async () => {
      const before = outcomesOf(bannerType).length;
      const filed = await fileRequest(product, { title: 'Banner for the product launch', typeId: bannerType, kitReason: 'We always file' });
      expect(filed.title).toBe('Banner for the product launch');
      expect(outcomesOf(bannerType).length).toBe(before);
    });

    it('a blank or over-long reason is a 400 naming kitReason, and nothing is filed', async () => {
      const before = outcomesOf(bannerType).length;
      for (const kitReason of ['   ', 'x'.repeat(301)]) {
        const body = expectProblem(
          await sales.post('/api/requests', { title: 'Banner with a bad reason', typeId: bannerType, kitReason }),
          400,
        );
        expect(body.errors!.map((e) => e.path)).toEqual(['kitReason']);
      }
      expect(outcomesOf(bannerType).length).toBe(before);
    });

    it('a burst of concurrent uses and filings counts each exactly once', async () => {
      const before = outcomesOf(bannerType);
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, () => sales.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' })),
        ...Array.from({ length: 8 }, (_, i) =>
          sales.post('/api/requests', { title: `Burst banner ${i}`, typeId: bannerType, kitReason: `Reason ${i}` }),
        ),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([...Array(12).fill(201), ...Array(8).fill(201)]);
      const added = outcomesOf(bannerType).slice(before.length);
      expect(added.filter((r) => r.outcome === 'used').length).toBe(12);
      expect(added.filter((r) => r.outcome === 'filed').length).toBe(8);
      expect(new Set(added.filter((r) => r.outcome === 'filed').map((r) => r.requestId)).size).toBe(8);
    });

    it('once the kit is removed, using it is refused and filing counts nothing', async () => {
      ok(await setKit(bannerType, null));
      const before = outcomesOf(bannerType).length;
      expectProblem(await sales.post(`/api/request-types/${bannerType}/kit-outcomes`, { outcome: 'used' }), 409);
      await fileRequest(sales, { title: 'Banner after the kit', typeId: bannerType, kitReason: 'No kit any more' });
      expect(outcomesOf(bannerType).length).toBe(before);
    });
  });
});
