import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

async function fileRequest(page: Page, title: string) {
  const res = await page.request.post('/api/requests', { data: { title, typeId: 1, priority: 'high' } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; key: string; version: number };
}

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

/** Drags like a hand on a mouse: press, move in steps (dnd-kit waits for 5 px), release. */
async function drag(page: Page, from: ReturnType<Page['getByTestId']>, to: ReturnType<Page['getByTestId']>) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 12 });
  await page.mouse.up();
}

test('a marketer sees the board in workflow order with lanes and WIP limits', async ({ page }) => {
  await signIn(page, accounts.marketer);
  await page.getByRole('link', { name: 'Board' }).click();
  const headings = page.locator('section[aria-label$="column"]');
  await expect(headings).toHaveCount(6);
  await expect(headings.first()).toHaveAttribute('aria-label', 'Intake column');
  await expect(page.getByTestId('wip-planned')).toContainText('/ 15');
  await expect(column(page, 'in_progress').getByText('Tactical', { exact: true }).first()).toBeVisible();
  await screenshot(page, 'board');
});

test('a card’s and a column’s tooltips show on hover and hide when the pointer leaves', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const req = await fileRequest(page, 'Tooltip-checked banner');
  const me = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: number; name: string } };
  const res = await page.request.patch(`/api/requests/${req.id}`, { data: { assigneeId: me.user.id, version: req.version } });
  expect(res.status()).toBe(200);
  await page.goto('/board?q=Tooltip-checked');
  const card = page.getByTestId(`card-${req.id}`);
  await expect(card).toBeVisible();
  // Tooltips mount on the first hover (LazyTooltip); none is in the page before.
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // The assignee's initial, named in full on hover.
  await card.getByText(me.user.name.slice(0, 1), { exact: true }).hover();
  await expect(page.getByRole('tooltip')).toHaveText(me.user.name);
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // A type's class is only a suggestion until confirmed: the dashed badge says so, and the Confirm button names its key.
  await card.getByText('Tactical?', { exact: true }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Suggested by the request type; not yet confirmed');
  // Away first: a closing tooltip fades out while the next one opens.
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.getByRole('button', { name: `Confirm tactical for ${req.key}` }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Confirm tactical (key T)');
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // A column's WIP badge tells its limit (Planned's is 15 in the seed).
  await page.getByTestId('wip-planned').hover();
  await expect(page.getByRole('tooltip')).toHaveText(/WIP limit (of )?15$/);
  // Escape dismisses a tooltip without moving the pointer (WCAG 1.4.13).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // A pointer passing quickly over targets never leaves a tooltip behind.
  for (const testId of ['wip-intake', 'wip-in_progress', 'wip-in_review']) {
    await page.getByTestId(testId).hover();
    await page.mouse.move(5, 5);
  }
  await expect(page.getByRole('tooltip')).toHaveCount(0);
});

test('dragging an unclassified card out of intake asks for its class, then moves it', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const req = await fileRequest(page, 'Banner for the Madrid roadshow');
  // Search narrows the board to the new card, as a marketer would to find it.
  await page.goto('/board?q=Madrid');
  const card = page.getByTestId(`card-${req.id}`);
  await expect(card).toBeVisible();
  await drag(page, card, column(page, 'planned'));
  const dialog = page.getByRole('dialog', { name: new RegExp(`Classify ${req.key}`) });
  await expect(dialog).toBeVisible();
  await screenshot(page, 'board-classify-prompt');
  await dialog.getByRole('button', { name: 'Tactical (T)' }).click();
  await expect(column(page, 'planned').getByTestId(`card-${req.id}`)).toBeVisible();
  await expect(column(page, 'intake').getByTestId(`card-${req.id}`)).toHaveCount(0);
  // The server agrees.
  const stored = await (await page.request.get(`/api/requests/${req.id}`)).json();
  expect(stored).toMatchObject({ status: 'planned', classification: 'tactical', classificationSuggested: false });
});

test('a card moves with the keyboard, and the move survives a reload', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const req = await fileRequest(page, 'Keyboard-moved banner');
  await page.request.put(`/api/requests/${req.id}/classification`, { data: { classification: 'tactical', version: req.version } });
  await page.goto('/board?q=Keyboard-moved');
  const card = page.getByTestId(`card-${req.id}`);
  await expect(card).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`${req.key} Keyboard-moved banner`) }).focus();
  await page.keyboard.press('Space');
  const live = page.locator('[aria-live="assertive"]');
  await expect(live).toContainText(/over (the )?Intake/);
  // dnd-kit starts listening for arrow keys a moment after pick-up; a person is never faster.
  await page.waitForTimeout(300);
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText(/over (the )?Planned/);
  await page.keyboard.press('Space');
  await expect(live).toContainText(/moved to Planned, position \d+ of \d+ in the tactical lane/);
  await expect(column(page, 'planned').getByTestId(`card-${req.id}`)).toBeVisible();
  await page.reload();
  await expect(column(page, 'planned').getByTestId(`card-${req.id}`)).toBeVisible();
});

test('the card drawer classifies, logs time and comments', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const req = await fileRequest(page, 'Drawer test one-pager');
  await page.goto('/board?q=Drawer test');
  await page.getByTestId(`card-${req.id}`).click();
  await expect(page).toHaveURL(new RegExp(`card=${req.id}`));
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Strategic (S)').click();
  // Type 1 (Event banner) defaults to tactical: strategic asks why before it saves.
  const why = drawer.getByRole('textbox', { name: 'Why strategic?' });
  await expect(why).toBeVisible();
  await why.fill('Opens the brand campaign');
  await drawer.getByRole('button', { name: 'Save as strategic' }).click();
  await expect(drawer.getByText('Strategic', { exact: true })).toBeVisible();
  await drawer.getByRole('tab', { name: 'Time' }).click();
  await drawer.getByRole('button', { name: '+30m' }).click();
  await expect(drawer.getByText('30m logged in 1 entry')).toBeVisible();
  // A typed duration is read exactly (1h 15m is 75 minutes, never 115), or refused inline.
  const spent = drawer.getByLabel('Time spent');
  await spent.fill('1.5');
  await expect(drawer.getByText('add a unit: 1.5h or 90m')).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Log', exact: true })).toBeDisabled();
  await spent.fill('1h 15m');
  await expect(drawer.getByText('= 1h 15m')).toBeVisible();
  await drawer.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(drawer.getByText('1h 45m logged in 2 entries')).toBeVisible();
  await expect(spent).toHaveValue('');
  // The estimate reads durations the same way: 1:30 is 90 minutes.
  const estimate = drawer.getByLabel('Estimate');
  await estimate.fill('1:30');
  await expect(drawer.getByText('= 1h 30m')).toBeVisible();
  await estimate.blur();
  await expect.poll(async () => (await page.request.get(`/api/requests/${req.id}`)).json().then((r) => r.estimateMinutes)).toBe(90);
  await expect(estimate).toHaveValue('1h 30m');
  await drawer.getByRole('tab', { name: 'Comments' }).click();
  await drawer.getByLabel('New comment').fill('Kick-off on **Monday**');
  await drawer.getByRole('button', { name: 'Comment' }).click();
  await expect(drawer.locator('strong', { hasText: 'Monday' })).toBeVisible();
  await screenshot(page, 'board-drawer');
  await drawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(drawer.getByText('classified it as strategic')).toBeVisible();
  await expect(drawer.getByText('logged 30m')).toBeVisible();
  await expect(drawer.getByText('logged 1h 15m')).toBeVisible();
  await expect(drawer.getByText('estimated it at 1h 30m')).toBeVisible();
});

test('filters live in the URL and a colleague’s new request appears without reloading', async ({ page, browser }) => {
  await signIn(page, accounts.marketer);
  await page.goto('/board?q=Zanzibar');
  await expect(page.getByRole('textbox', { name: 'Search cards' })).toHaveValue('Zanzibar');
  await expect(page.locator('[data-testid^="card-"]')).toHaveCount(0);

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await signIn(other, accounts.lead);
  const req = await fileRequest(other, 'Zanzibar launch banner');
  await expect(page.getByTestId(`card-${req.id}`)).toBeVisible({ timeout: 10_000 });
  await colleague.close();
});

test('a closed column shows its older cards when asked, and they can be scrolled to', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.marketer);
  const q = `Archive${Date.now().toString(36)}`;
  // One more page's worth than the done column ships (50), each filed, classified and finished.
  const filed: number[] = [];
  for (let i = 0; i < 52; i++) {
    let card = await fileRequest(page, `${q} finished piece ${i + 1}`);
    filed.push(card.id);
    let res = await page.request.put(`/api/requests/${card.id}/classification`, {
      data: { classification: 'tactical', note: 'Archive check', version: card.version },
    });
    expect(res.status()).toBe(200);
    card = await res.json();
    res = await page.request.post(`/api/requests/${card.id}/move`, { data: { status: 'done', version: card.version } });
    expect(res.status()).toBe(200);
  }
  // The two the board does not ship at first: read from the board itself, so the test holds whatever order ties take.
  const board = (await (await page.request.get(`/api/board?q=${q}`)).json()) as { columns: { status: string; cards: { id: number }[] }[] };
  const shipped = new Set(board.columns.find((c) => c.status === 'done')!.cards.map((c) => c.id));
  expect(shipped.size).toBe(50);
  const older = filed.filter((id) => !shipped.has(id));
  expect(older).toHaveLength(2);

  await page.goto(`/board?q=${q}`);
  const done = column(page, 'done');
  // Under a filter the counter says how many match (52), of the column's real count.
  await expect(done.getByTestId('wip-done')).toHaveText(/^52 shown of \d+$/);
  await done.getByRole('button', { name: 'Show older (2 more)' }).click();
  await expect(done.getByRole('button', { name: /Show older/ })).toHaveCount(0);
  // Scrolled to the end of the lane with the wheel, as a person would: the older two are there.
  const box = (await done.locator('[data-testid^="card-"]').first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (const id of older) {
    await expect(async () => {
      await page.mouse.wheel(0, 4000);
      await expect(done.getByTestId(`card-${id}`)).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
  }
});

test('a board answer that breaks the contract is taken off the page with a plain message, and the next good one shows', async ({
  page,
}) => {
  await signIn(page, accounts.marketer);
  // The server's own board, with one card's field broken, as a server that drifted from this page would send it.
  let broken: number | null = null;
  await page.route(/\/api\/board(\?|$)/, async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { columns: { cards: { id: number; status: unknown }[] }[] };
    const card = body.columns.flatMap((c) => c.cards)[0]!;
    broken = card.id;
    card.status = 42;
    await route.fulfill({ response: res, json: body });
  });
  await page.goto('/board');
  const alert = page.getByRole('alert').filter({ hasText: 'The board could not be shown' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Reload the page');
  await expect(alert).toContainText('.status)');
  await expect(page.locator('[data-testid^="card-"]')).toHaveCount(0);
  expect(broken).not.toBeNull();

  await page.unroute(/\/api\/board(\?|$)/);
  await page.reload();
  await expect(page.getByTestId(`card-${broken}`)).toBeVisible();
  await expect(page.getByText('The board could not be shown')).toHaveCount(0);
});
