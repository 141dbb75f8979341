import { expect, test } from '@playwright/test';
import { accounts, signIn } from './support';

// Browsers west of Greenwich: a date written with a formatter in the browser's own zone read as
// the day before ("needed by 20 Mar" read "19 Mar" in California).
test.use({ timezoneId: 'America/Los_Angeles' });

/** How a date should read, from ICU with the zone pinned to UTC (the test's own oracle). */
const written = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

test('a salesperson in California and the marketer working the card see the needed-by date picked', async ({ page, browser }) => {
  await signIn(page, accounts.sales);
  // Next year's date: the page writes the year, so the whole date is checked.
  const year = Number(await page.evaluate(() => new Date().getFullYear())) + 1;
  const dueDate = `${year}-03-20`;
  expect(written(dueDate)).toBe(`20 Mar ${year}`);
  const title = `West coast launch kit ${Date.now()}`;
  const res = await page.request.post('/api/requests', { data: { title, typeId: 1, priority: 'high', dueDate } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: number };

  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText(written(dueDate));
  await page.goto(`/requests/${id}`);
  await expect(page.getByText(written(dueDate), { exact: true })).toBeVisible();

  const marketer = await browser.newContext({ timezoneId: 'America/New_York' });
  try {
    const board = await marketer.newPage();
    await signIn(board, accounts.marketer);
    await board.goto(`/board?q=${encodeURIComponent(title)}`);
    await expect(board.getByTestId(`card-${id}`)).toContainText(written(dueDate));
  } finally {
    await marketer.close();
  }
});
