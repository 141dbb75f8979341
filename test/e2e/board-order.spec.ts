import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { accounts, signIn } from './support';

/**
 * Where a card lands is the card's place in its column: dropped between two cards (by mouse or
 * keyboard), it sits between those two after a reload, in the browser and in the server's order.
 * And in every column the strategic lane is drawn above the tactical one (and the unclassified
 * lane, in intake, below both).
 */

type Card = { id: number; key: string; title: string; version: number };

// Five engineers share two cores: give a loaded machine room, a person would wait too.
test.describe.configure({ timeout: 120_000 });
const slow = { timeout: 30_000 };
type Status = 'intake' | 'planned' | 'in_progress' | 'in_review' | 'done';

/** A word only this test's cards carry, so `?q=` shows exactly them. */
const tag = () => `Ordo${randomUUID().slice(0, 8)}`;

async function fileCard(
  page: Page,
  title: string,
  classification: 'strategic' | 'tactical' | null,
  status: Status = 'intake',
): Promise<Card> {
  const res = await page.request.post('/api/requests', { data: { title, typeId: 1 } });
  expect(res.status()).toBe(201);
  let card = (await res.json()) as Card;
  if (classification) {
    const classified = await page.request.put(`/api/requests/${card.id}/classification`, {
      // Type 1 defaults to tactical; a note keeps a strategic card acceptable (the API refuses it without).
      data: { classification, version: card.version, note: 'Lane order fixture' },
    });
    expect(classified.status()).toBe(200);
    card = await classified.json();
  }
  if (status !== 'intake') {
    // No neighbour: the card goes to the end of the column.
    const moved = await page.request.post(`/api/requests/${card.id}/move`, { data: { status, version: card.version } });
    expect(moved.status()).toBe(200);
    card = await moved.json();
  }
  return card;
}

const column = (page: Page, status: Status) => page.getByTestId(`column-${status}`);

/** The card ids a column shows, top to bottom, read from the DOM. */
async function shownOrder(page: Page, status: Status): Promise<number[]> {
  const ids = await column(page, status)
    .locator('[data-testid^="card-"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-testid')!.slice('card-'.length))));
  return ids;
}

/** The card ids of a column in the server's order (`GET /api/board`, position order). */
async function serverOrder(page: Page, q: string, status: Status): Promise<number[]> {
  const res = await page.request.get(`/api/board?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  const board = (await res.json()) as { columns: { status: string; cards: { id: number }[] }[] };
  return board.columns.find((c) => c.status === status)!.cards.map((c) => c.id);
}

async function expectOrderAfterReload(page: Page, q: string, status: Status, expected: Card[]) {
  await page.reload();
  await expect(column(page, status).getByTestId(`card-${expected[0]!.id}`)).toBeVisible(slow);
  await expect.poll(() => shownOrder(page, status), slow).toEqual(expected.map((c) => c.id));
  expect(await serverOrder(page, q, status)).toEqual(expected.map((c) => c.id));
}

/** Drags like a hand on a mouse: press, move in steps (dnd-kit waits for 5 px), release over the target's upper half. */
async function dragOnto(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 3, { steps: 15 });
  // Let dnd-kit settle on the card under the pointer before letting go.
  await page.waitForTimeout(200);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 3 + 1);
  await page.mouse.up();
}

test('a card dragged with the mouse between two cards of another column sits exactly between them after a reload', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const q = tag();
  const a = await fileCard(page, `${q} A`, 'tactical', 'planned');
  const b = await fileCard(page, `${q} B`, 'tactical', 'planned');
  const c = await fileCard(page, `${q} C`, 'tactical', 'planned');
  const moving = await fileCard(page, `${q} dragged`, 'tactical', 'in_progress');
  await page.goto(`/board?q=${q}`);
  await expect.poll(() => shownOrder(page, 'planned'), slow).toEqual([a.id, b.id, c.id]);

  const moved = page.waitForResponse((res) => res.url().endsWith(`/api/requests/${moving.id}/move`));
  await dragOnto(page, page.getByTestId(`card-${moving.id}`), column(page, 'planned').getByTestId(`card-${c.id}`));
  expect((await moved).status()).toBe(200);

  await expectOrderAfterReload(page, q, 'planned', [a, b, moving, c]);
  await expect(column(page, 'in_progress').getByTestId(`card-${moving.id}`)).toHaveCount(0);
});

test('a card moved with the keyboard between two cards of its column sits exactly between them after a reload', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const q = tag();
  const a = await fileCard(page, `${q} A`, 'tactical', 'planned');
  const b = await fileCard(page, `${q} B`, 'tactical', 'planned');
  const c = await fileCard(page, `${q} C`, 'tactical', 'planned');
  const d = await fileCard(page, `${q} D`, 'tactical', 'planned');
  await page.goto(`/board?q=${q}`);
  await expect.poll(() => shownOrder(page, 'planned'), slow).toEqual([a.id, b.id, c.id, d.id]);

  // D goes up two places, between A and B: focus its handle, Space, ↑ ↑, Space.
  const live = page.locator('[aria-live="assertive"]');
  await page.getByRole('button', { name: `${d.key} ${d.title}` }).focus();
  await page.keyboard.press('Space');
  await expect(live).toContainText(`${d.key}, ${d.title}`);
  // dnd-kit starts listening for arrow keys a moment after pick-up; a person is never faster.
  await page.waitForTimeout(300);
  await page.keyboard.press('ArrowUp');
  await expect(live).toContainText(`is over Planned, next to ${c.key}.`);
  await page.keyboard.press('ArrowUp');
  await expect(live).toContainText(`is over Planned, next to ${b.key}.`);
  const moved = page.waitForResponse((res) => res.url().endsWith(`/api/requests/${d.id}/move`));
  await page.keyboard.press('Space');
  expect((await moved).status()).toBe(200);

  await expectOrderAfterReload(page, q, 'planned', [a, d, b, c]);
});

/** The lane headers a column shows, top to bottom, with their vertical extent. */
async function lanesOf(col: Locator) {
  const headers = col.locator('[data-testid^="lane-"]');
  const out: { lane: string; top: number }[] = [];
  for (const header of await headers.all()) {
    out.push({ lane: (await header.getAttribute('data-testid'))!.slice('lane-'.length), top: (await header.boundingBox())!.y });
  }
  return out;
}

test('in every column the strategic lane is drawn above the tactical lane, and unclassified below both in intake', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const q = tag();
  // Filed tactical first, so position order alone would put tactical on top.
  const cards: Record<Status, { tactical: Card; strategic: Card }> = {} as never;
  for (const status of ['intake', 'planned', 'in_progress', 'in_review', 'done'] as const) {
    const tactical = await fileCard(page, `${q} ${status} tactical`, 'tactical', status);
    const strategic = await fileCard(page, `${q} ${status} strategic`, 'strategic', status);
    cards[status] = { tactical, strategic };
  }
  const unclassified = await fileCard(page, `${q} intake unclassified`, null);
  await page.goto(`/board?q=${q}`);

  for (const status of ['intake', 'planned', 'in_progress', 'in_review', 'done'] as const) {
    const col = column(page, status);
    await expect(col.getByTestId(`card-${cards[status].strategic.id}`)).toBeVisible(slow);
    const lanes = await lanesOf(col);
    // Every lane is a band across all columns, so each column draws all three lane headers.
    const expected = ['strategic', 'tactical', 'unclassified'];
    // DOM order and drawn order agree: headers top to bottom.
    expect(
      lanes.map((l) => l.lane),
      status,
    ).toEqual(expected);
    expect(
      [...lanes].sort((x, y) => x.top - y.top).map((l) => l.lane),
      status,
    ).toEqual(expected);
    // Each card is drawn inside its own lane: under its header, above the next one.
    const laneTop = (lane: string) => lanes.find((l) => l.lane === lane)!.top;
    const cardTop = async (card: Card) => (await col.getByTestId(`card-${card.id}`).boundingBox())!.y;
    expect(await cardTop(cards[status].strategic)).toBeGreaterThan(laneTop('strategic'));
    expect(await cardTop(cards[status].strategic)).toBeLessThan(laneTop('tactical'));
    expect(await cardTop(cards[status].tactical)).toBeGreaterThan(laneTop('tactical'));
    if (status === 'intake') {
      expect(await cardTop(cards[status].tactical)).toBeLessThan(laneTop('unclassified'));
      expect(await cardTop(unclassified)).toBeGreaterThan(laneTop('unclassified'));
    }
    expect(await shownOrder(page, status), status).toEqual([
      cards[status].strategic.id,
      cards[status].tactical.id,
      ...(status === 'intake' ? [unclassified.id] : []),
    ]);
  }

  // The unfiltered demo board too: wherever lanes are drawn, they come in that order.
  await page.goto('/board');
  const rank = ['strategic', 'tactical', 'unclassified'];
  for (const status of ['intake', 'planned', 'in_progress', 'in_review', 'done'] as const) {
    await expect(column(page, status).locator('[data-testid^="lane-"]').first()).toBeVisible(slow);
    const lanes = await lanesOf(column(page, status));
    expect(
      lanes.map((l) => rank.indexOf(l.lane)),
      status,
    ).toEqual([...lanes.map((l) => rank.indexOf(l.lane))].sort((x, y) => x - y));
    expect(
      lanes.map((l) => l.top),
      status,
    ).toEqual([...lanes.map((l) => l.top)].sort((x, y) => x - y));
  }
});
