import { expect, test, type Locator, type Page } from '@playwright/test';
import { accounts, screenshot, sidewaysInside, signIn } from './support';

// A phone in the hand: 390 × 844, touch events, a mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function fitsThePhone(page: Page, label: string) {
  await expect.poll(() => sideways(page), { message: `${label}: no horizontal page scroll` }).toBeLessThanOrEqual(0);
  // Nor a box inside the page that the thumb must swipe sideways to read a row.
  await expect.poll(() => sidewaysInside(page), { message: `${label}: no box scrolling sideways inside the page` }).toEqual([]);
}

/** A finger needs about 44 px (Apple's and WCAG 2.5.5's figure). */
async function expectTouchSized(target: Locator) {
  const box = (await target.boundingBox())!;
  expect(box.height, `${await target.evaluate((e) => e.outerHTML.slice(0, 80))} is tall enough to tap`).toBeGreaterThanOrEqual(44);
}

test('a salesperson files a request from a phone with taps, sees its key and date, and finds it in My requests', async ({ page }) => {
  await signIn(page, accounts.sales);
  await page.goto('/requests/new');
  await expect(page.getByRole('heading', { name: 'New request' })).toBeVisible();
  await fitsThePhone(page, 'new request');

  const type = page.getByRole('combobox', { name: 'Type' });
  const title = page.getByRole('textbox', { name: 'Title' });
  const submit = page.getByRole('button', { name: 'Submit request' });
  for (const control of [type, title, page.getByLabel('Needed by'), submit]) await expectTouchSized(control);
  // The right keyboard and no address-book suggestions; the date opens the phone's own picker.
  await expect(title).toHaveAttribute('autocomplete', 'off');
  await expect(page.getByLabel('Needed by')).toHaveAttribute('type', 'date');
  // The submit is in reach without scrolling past the whole form.
  await expect(submit).toBeInViewport();

  // Tapping submit on an empty form names what is missing and puts the finger (focus) on the first field.
  await submit.tap();
  await expect(page.getByText('2 fields need attention')).toBeVisible();
  await expect(page.getByText('Type, Title')).toBeVisible();
  await expect(type).toBeFocused();
  await expect(type).toHaveAttribute('aria-invalid', 'true');

  await type.tap();
  await page.getByRole('option', { name: /Event banner/ }).tap();
  // The date marketing will promise sits beside the submit as soon as the type is known.
  await expect(page.getByText(/^Expected by [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}/).first()).toBeVisible();
  const title1 = `Corridor roll-up ${Date.now()}`;
  await title.tap();
  await title.fill(title1);
  await expect(page.getByText('1 field needs attention')).toHaveCount(0);
  await page.getByRole('radio', { name: 'High' }).locator('..').tap();
  await screenshot(page, 'phone-new-request-390');
  await submit.tap();

  // The success state: the key to quote and the promised date, then where to go next.
  const banner = page.getByTestId('filed-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Filed as MKT-\d+/);
  await expect(banner).toContainText(/Expected by [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}/);
  const key = /MKT-\d+/.exec((await banner.textContent())!)![0];
  await expect(page.getByRole('heading', { name: title1 })).toBeVisible();
  await fitsThePhone(page, 'request page');
  await screenshot(page, 'phone-filed-390');

  await banner.getByRole('link', { name: 'My requests' }).tap();
  const card = page.getByRole('listitem').filter({ hasText: key });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Intake');
  // A request nobody has planned yet says so in words, not a bare "Planned for —".
  await expect(card).toContainText('Not yet planned');
  await expect(card).not.toContainText('Planned for');
  await fitsThePhone(page, 'my requests');
  await screenshot(page, 'phone-my-requests-390');
  // The banner greeted the filing once; coming back to the request does not repeat it.
  await card.getByRole('link').first().tap();
  await expect(page.getByRole('heading', { name: title1 })).toBeVisible();
  await expect(page.getByTestId('filed-banner')).toHaveCount(0);
});

test('a marketer on a phone switches board columns and moves a card with "Move to…"', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const filed = await page.request.post('/api/requests', { data: { title: `Phone-moved banner ${Date.now()}`, typeId: 1 } });
  expect(filed.status()).toBe(201);
  const req = (await filed.json()) as { id: number; key: string };

  await page.goto('/board');
  // One column at a time: intake first, the others one tap away with their counts.
  await expect(page.locator('section[aria-label$="column"]')).toHaveCount(1);
  await expect(page.getByTestId('column-intake')).toBeVisible();
  const switcher = page.getByRole('radiogroup', { name: 'Column' });
  await expect(switcher.getByRole('radio')).toHaveCount(6);
  await expect(switcher.getByRole('radio', { name: /^Planned ?: \d+ cards$/ })).toHaveCount(1);
  await fitsThePhone(page, 'board');
  await screenshot(page, 'phone-board-390');

  await switcher.getByText('In review').tap();
  await expect(page).toHaveURL(/column=in_review/);
  await expect(page.getByTestId('column-in_review')).toBeVisible();
  await expect(page.getByTestId('column-intake')).toHaveCount(0);
  await fitsThePhone(page, 'board, in review');

  // The new card is in intake, unclassified: moving it asks for its class first, as a drop does.
  await switcher.getByText('Intake').tap();
  const phoneCard = page.getByTestId(`phone-card-${req.id}`);
  await reveal(page, phoneCard);
  await phoneCard.scrollIntoViewIfNeeded();
  const move = phoneCard.getByRole('button', { name: 'Move to…' });
  await expectTouchSized(move);
  await move.tap();
  await page.getByRole('menuitem', { name: 'Planned' }).tap();
  const dialog = page.getByRole('dialog', { name: new RegExp(`Classify ${req.key}`) });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Tactical (T)' }).tap();
  await expect(dialog).toBeHidden();
  await expect(phoneCard).toHaveCount(0);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/requests/${req.id}`)).json()) as { status: string }).status)
    .toBe('planned');

  // Onwards from Planned to In progress: no question this time.
  await switcher.getByText('Planned').tap();
  await reveal(page, phoneCard);
  await expect(page.getByTestId('column-planned').getByTestId(`phone-card-${req.id}`)).toBeVisible();
  await phoneCard.getByRole('button', { name: 'Move to…' }).tap();
  await page.getByRole('menuitem', { name: 'In progress' }).tap();
  await expect(page.getByTestId('column-planned').getByTestId(`phone-card-${req.id}`)).toHaveCount(0);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/requests/${req.id}`)).json()) as { status: string }).status)
    .toBe('in_progress');

  // The chosen column is remembered: in the address, and when the board is opened again from the menu.
  await switcher.getByText('In progress').tap();
  await reveal(page, phoneCard);
  await expect(page.getByTestId('column-in_progress').getByTestId(`phone-card-${req.id}`)).toBeVisible();
  await page.goto('/board');
  await expect(page.getByTestId('column-in_progress')).toBeVisible();
  await reveal(page, phoneCard);
  await screenshot(page, 'phone-board-in-progress-390');

  // Tapping the card opens its drawer, as on the desktop board.
  await phoneCard.getByText(req.key).tap();
  const drawer = page.getByRole('dialog', { name: new RegExp(req.key) });
  await expect(drawer).toBeVisible();
  await fitsThePhone(page, 'board drawer');
  // Its five tabs sit on one row: none wraps onto a line of its own.
  const tabs = drawer.getByRole('tab');
  await expect(tabs).toHaveCount(5);
  const tops = await tabs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
});

/**
 * Taps "Show … more" at the foot of the column until the card is drawn, as a person looking for
 * it would: a phone's column draws its cards a batch at a time, and other tests fill these columns.
 */
async function reveal(page: Page, card: Locator) {
  const more = page.getByRole('button', { name: /^Show \d+ more/ });
  // Either the card or the button: the chosen column has been drawn.
  const drawn = page.locator('[data-testid^="phone-card-"]');
  await expect(card.or(more).first()).toBeVisible();
  for (let i = 0; i < 50 && (await card.count()) === 0; i++) {
    const before = await drawn.count();
    await more.tap();
    // The next batch is drawn before looking again: on a slow machine a second tap would land
    // while the first is still drawing, and its focus would move the page after this returns.
    await expect.poll(() => drawn.count()).toBeGreaterThan(before);
  }
}

test('a long column on a phone draws 40 cards, then 40 more at each "Show more", and reading goes on at the first new card', async ({
  page,
}) => {
  await signIn(page, accounts.marketer);
  const tag = `longcol${Date.now()}`;
  const ids: number[] = [];
  // 85 unclassified cards in intake, filed one after another so they sit in filing order.
  for (let i = 1; i <= 85; i++) {
    const res = await page.request.post('/api/requests', { data: { title: `${tag} card ${String(i).padStart(2, '0')}`, typeId: 1 } });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: number }).id);
  }
  await page.goto(`/board?q=${tag}`);
  const column = page.getByTestId('column-intake');
  const cards = column.locator('[data-testid^="phone-card-"]');
  await expect(cards).toHaveCount(40);
  // The lane's count is the whole lane's, not what is drawn.
  await expect(column.getByTestId('lane-unclassified')).toContainText('85');
  await expect(cards.last()).toHaveAttribute('data-testid', `phone-card-${ids[39]}`);
  const more = column.getByRole('button', { name: 'Show 40 more (45 not shown)' });
  await expectTouchSized(more);
  await fitsThePhone(page, 'long column');

  await more.tap();
  await expect(cards).toHaveCount(80);
  // The first new card has the focus: a screen reader or a keyboard carries on from there.
  await expect(page.getByTestId(`phone-card-${ids[40]}`).getByRole('button').first()).toBeFocused();
  await column.getByRole('button', { name: 'Show 5 more (5 not shown)' }).tap();
  await expect(cards).toHaveCount(85);
  await expect(page.getByTestId(`phone-card-${ids[80]}`).getByRole('button').first()).toBeFocused();
  await expect(column.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
  await expect(cards.last()).toHaveAttribute('data-testid', `phone-card-${ids[84]}`);

  // Another column starts again at one batch; coming back to this one too.
  const switcher = page.getByRole('radiogroup', { name: 'Column' });
  await switcher.getByText('Planned').tap();
  await switcher.getByText('Intake').tap();
  await expect(cards).toHaveCount(40);
});

test('a card with its "Move to…" menu open stays drawn, menu and all, when a live update puts a card above it', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const tag = `anchored${Date.now()}`;
  const ids: number[] = [];
  const versions = new Map<number, number>();
  // 41 unclassified cards in intake: one batch drawn, the 41st below the "Show more".
  for (let i = 1; i <= 41; i++) {
    const res = await page.request.post('/api/requests', { data: { title: `${tag} card ${String(i).padStart(2, '0')}`, typeId: 1 } });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { id: number; version: number };
    ids.push(body.id);
    versions.set(body.id, body.version);
  }
  await page.goto(`/board?q=${tag}`);
  const column = page.getByTestId('column-intake');
  const cards = column.locator('[data-testid^="phone-card-"]');
  await expect(cards).toHaveCount(40);
  const last = page.getByTestId(`phone-card-${ids[39]}`);
  await last.scrollIntoViewIfNeeded();
  await last.getByRole('button', { name: 'Move to…' }).tap();
  await expect(page.getByRole('menuitem', { name: 'Planned' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/phone-move-menu-390.png' });

  // Meanwhile a colleague classifies the 41st card: it moves up into the classified lane, above
  // every drawn card. The list grows by one instead of pushing the 40th card (and its menu) out.
  const types = (await (await page.request.get('/api/request-types')).json()) as { items: { id: number; defaultClassification: string }[] };
  const classification = types.items.find((t) => t.id === 1)!.defaultClassification;
  const classified = await page.request.put(`/api/requests/${ids[40]}/classification`, {
    data: { classification, version: versions.get(ids[40]!) },
  });
  expect(classified.status()).toBe(200);
  await expect(cards.first()).toHaveAttribute('data-testid', `phone-card-${ids[40]}`);
  await expect(cards).toHaveCount(41);
  await expect(last).toBeVisible();

  // A thumb scrolls a screen up to look, and back down to the bottom: the card is reachable
  // again, its menu still open beside it (a menu laid out on the page once cut the page's
  // scroll range short, leaving the card below the reachable bottom).
  await page.mouse.wheel(0, -900);
  await expect(last.getByRole('button', { name: 'Move to…' })).not.toBeInViewport();
  await page.mouse.wheel(0, 5000);
  await expect(last.getByRole('button', { name: 'Move to…' })).toBeInViewport();
  await expect(page.getByRole('menuitem', { name: 'Planned' })).toBeInViewport();

  // The menu the person opened still works on the card they opened it on.
  await page.getByRole('menuitem', { name: 'Planned' }).tap();
  const dialog = page.getByRole('dialog', { name: /Classify MKT-\d+/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Tactical (T)' }).tap();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => ((await (await page.request.get(`/api/requests/${ids[39]}`)).json()) as { status: string }).status)
    .toBe('planned');
  await expect(last).toHaveCount(0);
});

test('on a phone, a picker at the bottom of a page opens where it was tapped: the page does not jump away from it', async ({ page }) => {
  await signIn(page, accounts.marketer);
  // A request of the marketer's own to pick: the e2e database is shared by every spec.
  const filed = await page.request.post('/api/requests', { data: { title: `Pocket row ${Date.now()}`, typeId: 1 } });
  expect(filed.status()).toBe(201);
  const request = (await filed.json()) as { id: number; key: string; version: number };
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: number } };
  const assigned = await page.request.patch(`/api/requests/${request.id}`, { data: { version: request.version, assigneeId: me.user.id } });
  expect(assigned.status()).toBe(200);

  await page.goto('/timesheet');
  const picker = page.getByRole('combobox', { name: 'Add a request row' });
  await expect(picker).toBeEnabled();
  // The picker is the page's last control: scrolled to the bottom, as a thumb would.
  await page.mouse.wheel(0, 10_000);
  await expect(picker).toBeInViewport();
  const scrolled = await page.evaluate(() => window.scrollY);
  await picker.tap();
  const option = page.getByRole('option', { name: new RegExp(`^${request.key} `) });
  // The list opens beside the picker, and the page stays where the person was (a list laid out
  // on the page was scrolled to before it was placed, the page jumped up, and the list, its
  // picker off screen, was hidden).
  await expect(option).toBeInViewport();
  await expect(picker).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.screenshot({ path: 'test-results/screens/phone-timesheet-picker-390.png' });
  await option.tap();
  await expect(page.getByRole('textbox', { name: new RegExp(`^${request.key} `) }).first()).toBeVisible();
});

/** Where a cell sits on the screen. */
const boxOf = async (cell: Locator) => (await cell.boundingBox())!;

/**
 * The control sits whole across the screen's width: not cut off at either edge. (Only the width:
 * how far down the page it sits depends on what loaded above it, which a person scrolls.)
 */
async function wholeAcross(page: Page, control: Locator) {
  await expect(control).toBeVisible();
  const box = await boxOf(control);
  const width = page.viewportSize()!.width;
  expect(box.x, 'left edge on screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge on screen').toBeLessThanOrEqual(width);
  expect(box.height, 'a 44 px touch target').toBeGreaterThanOrEqual(44);
}

test('a lead reads Insights and Settings tables on a phone as one card per row, with nothing to swipe sideways', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, accounts.lead);
  const departments = (await (await page.request.get('/api/departments')).json()) as { items: { id: number }[] };
  const invited = await page.request.post('/api/invitations', {
    data: {
      email: `pocket-${Date.now().toString(36)}@example.com`,
      name: 'Pocket Invitee',
      role: 'requester',
      departmentId: departments.items[0]!.id,
    },
  });
  expect(invited.status()).toBe(201);

  await page.goto('/insights');
  await expect(page.getByText('Strategic share').first()).toBeVisible();
  const serviceLevels = page.getByRole('region', { name: 'Service levels, table' });
  await expect(serviceLevels.getByRole('row').nth(1)).toBeVisible();
  await fitsThePhone(page, 'insights');
  // The table's box is no longer a Tab stop: there is nothing in it to scroll.
  await expect(serviceLevels).not.toHaveAttribute('tabindex');
  // A screen reader still meets a table with its column headers.
  await expect(serviceLevels.getByRole('columnheader', { name: 'On time' })).toHaveCount(1);
  // Each figure of a row sits on its own line, one under the other, inside the card's width.
  const row = serviceLevels.getByRole('row').nth(1);
  const cells = row.getByRole('cell');
  await expect(cells).toHaveCount(7);
  const card = await boxOf(row);
  let above = 0;
  for (let i = 0; i < 7; i++) {
    const box = await boxOf(cells.nth(i));
    expect(box.y, `cell ${i} starts below the one before`).toBeGreaterThanOrEqual(above);
    expect(box.x + box.width, `cell ${i} fits the card`).toBeLessThanOrEqual(card.x + card.width + 1);
    above = box.y + box.height - 1;
  }
  await screenshot(page, 'phone-insights-390');

  await page.goto('/settings?tab=request-types');
  const banner = page.getByRole('row', { name: /^Event banner/ });
  await expect(banner).toBeVisible();
  await fitsThePhone(page, 'settings, request types');
  const level = banner.getByRole('cell', { name: /5 business days/ });
  const kind = banner.getByRole('cell', { name: 'Tactical' });
  expect((await boxOf(kind)).y).toBeGreaterThan((await boxOf(level)).y);
  // The row's action is whole on screen, not cut off at the right edge.
  await wholeAcross(page, banner.getByRole('button', { name: 'Edit Event banner' }));

  await page.goto('/settings?tab=people');
  const invitation = page.getByRole('row', { name: /Pocket Invitee/ });
  await expect(invitation).toBeVisible();
  await fitsThePhone(page, 'settings, people with a pending invitation');
  await expect(invitation.getByRole('cell', { name: 'Requester' })).toBeVisible();
  await wholeAcross(page, invitation.getByRole('button', { name: "Revoke Pocket Invitee's invitation" }));
  await screenshot(page, 'phone-settings-people-390');

  // The company calendar: each holiday's remove button is a finger's size, whole on screen.
  await page.goto('/settings?tab=working-time');
  const removes = page.getByRole('button', { name: /^Remove / });
  await expect(removes.first()).toBeVisible();
  await fitsThePhone(page, 'settings, working time');
  await wholeAcross(page, removes.first());
  expect((await boxOf(removes.first())).width, 'a 44 px touch target across').toBeGreaterThanOrEqual(44);
});
