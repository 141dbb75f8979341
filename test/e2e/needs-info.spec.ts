import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

interface RequestRead {
  id: number;
  key: string;
  slaState: string | null;
  waitingOn: string | null;
  needsInfoRounds: number;
}

/** No horizontal page scroll (measured once the layout has settled). */
async function expectNoSideScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/**
 * Needs info end to end: a marketer asks the salesperson who filed a request a question from the
 * board's drawer; the request waits on them and its clock pauses; the salesperson sees the
 * question on the request page (and a marker in My requests) and answers; the marketer reads
 * the answer in the drawer's conversation, and the clock runs again.
 */
test('a marketer asks, the salesperson answers on the request page, the clock pauses and resumes', async ({ browser }) => {
  // Three people's pages on a shared 2-CPU machine: a sign-in alone can take twenty seconds under load.
  test.setTimeout(420_000);
  const slow = { timeout: 60_000 };
  const stamp = Date.now().toString(36);
  const title = `Reseller price sheet ${stamp}`;
  const question = `Which currencies should the sheet list? (${stamp})`;
  const reply = `Euro and Swiss franc (${stamp})`;

  // Sales files the request (its own data: a unique title).
  const sales = await (await browser.newContext()).newPage();
  await signIn(sales, accounts.sales);
  const types = (await (await sales.request.get('/api/request-types')).json()) as { items: { id: number }[] };
  const filed = await sales.request.post('/api/requests', { data: { title, typeId: types.items[0]!.id } });
  expect(filed.status()).toBe(201);
  const { id } = (await filed.json()) as RequestRead;
  const read = async () => (await (await sales.request.get(`/api/requests/${id}`)).json()) as RequestRead;
  expect(await read()).toMatchObject({ waitingOn: null, needsInfoRounds: 0 });

  // The marketer asks from the drawer: it now waits on Sam, clock paused, and no second question can be sent.
  const marketer = await (await browser.newContext()).newPage();
  await signIn(marketer, accounts.marketer);
  await marketer.goto(`/board?q=${encodeURIComponent(title)}`);
  await marketer.getByTestId(`card-${id}`).click(slow);
  const drawer = marketer.getByRole('dialog');
  await drawer.getByRole('button', { name: 'Ask the requester' }).click();
  await drawer.getByLabel('Question for the requester').fill(question);
  await screenshot(marketer, 'needs-info-ask');
  await drawer.getByRole('button', { name: 'Send question' }).click();
  await expect(drawer.getByText('Waiting on Sam Reyes')).toBeVisible(slow);
  await expect(drawer.getByText(question)).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Ask the requester' })).toBeDisabled();
  expect(await read()).toMatchObject({ waitingOn: 'requester', slaState: 'paused', needsInfoRounds: 1 });

  // Sales: My requests marks it; the request page asks the question in its own section.
  await sales.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My requests' }).click();
  const row = sales.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('Needs your answer')).toBeVisible(slow);
  await row.getByRole('link').click();
  const section = sales.getByRole('region', { name: 'Marketing needs information' });
  await expect(section.getByText(question)).toBeVisible(slow);
  await expect(sales.getByText('Waiting on Sam Reyes')).toBeVisible();
  await section.getByLabel('Your answer').fill(reply);
  await screenshot(sales, 'needs-info-answer-1440');
  await sales.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(sales);
  await screenshot(sales, 'needs-info-answer-390');
  await sales.setViewportSize({ width: 1440, height: 900 });
  await section.getByRole('button', { name: 'Send answer' }).click();

  // Answered: the section goes, the round stays in the conversation, the clock runs again.
  await expect(section).toBeHidden(slow);
  await expect(sales.getByText('Waiting on Sam Reyes')).toBeHidden();
  await expect(sales.getByText(question)).toBeVisible();
  await expect(sales.getByText(reply)).toBeVisible();
  await expect.poll(async () => (await read()).waitingOn).toBeNull();
  const after = await read();
  expect(after.slaState).not.toBe('paused');
  expect(after.needsInfoRounds).toBe(1);
  await sales.goto('/requests');
  await expect(sales.getByRole('row').filter({ hasText: title })).toBeVisible(slow);
  await expect(sales.getByRole('row').filter({ hasText: title }).getByText('Needs your answer')).toHaveCount(0);

  // The marketer sees the answer in the drawer's conversation (live, or on reopening), and may ask again.
  // The drawer's card is in the address, so a reload opens it again with what the server now holds.
  await marketer.reload();
  await expect(drawer.getByRole('button', { name: 'Ask the requester' })).toBeEnabled(slow);
  await expect(drawer.getByText('Waiting on Sam Reyes')).toBeHidden();
  await drawer.getByRole('tab', { name: 'Comments' }).click();
  await expect(drawer.getByText(reply)).toBeVisible();
  await expect(drawer.getByText(question)).toBeVisible();
  await drawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(drawer.getByText(/asked the requester for information/)).toBeVisible();
  await expect(drawer.getByText(/answered marketing's question/)).toBeVisible();
  await screenshot(marketer, 'needs-info-answered-drawer');
  await marketer.setViewportSize({ width: 390, height: 844 });
  await drawer.getByRole('tab', { name: 'Comments' }).click();
  await expectNoSideScroll(marketer);
  await screenshot(marketer, 'needs-info-answered-drawer-390');
});
