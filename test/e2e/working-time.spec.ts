import { expect, test, type Locator, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

const notification = (page: Page, title: string) => page.locator('.mantine-Notification-root').filter({ hasText: title }).last();

/** A weekday a week or so back: inside the default "last 4 weeks" of Insights. */
function recentWeekday(): string {
  const d = new Date(Date.now() - 7 * 86_400_000);
  const back = d.getUTCDay() === 6 ? 1 : d.getUTCDay() === 0 ? 2 : 0;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** "15 of 72 h · 21 %" → logged and available hours as numbers. */
async function loggedOfAvailable(row: Locator): Promise<{ logged: number; available: number }> {
  const text = (await row.textContent()) ?? '';
  const m = /([\d.,]+) of ([\d.,]+) h/.exec(text);
  if (!m) throw new Error(`no "x of y h" in ${text}`);
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return { logged: n(m[1]!), available: n(m[2]!) };
}

const person = (page: Page, name: string) => page.getByTestId('coverage-person').filter({ hasText: name });

test('the CMO adds a holiday and sets a part-timer, then reads coverage on Insights', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, accounts.lead);

  // Before: Max works 40 h and Jules 24 h (the demo's part-timer), so Jules has 24/40 of Max's hours.
  await page.goto('/insights');
  const coverage = page.locator('#coverage');
  await expect(coverage.getByTestId('coverage-team')).toContainText('h available', { timeout: 90_000 });
  await expect(person(page, 'Jules Martin')).toBeVisible({ timeout: 60_000 });
  const before = await loggedOfAvailable(person(page, 'Max Ortega'));
  expect((await loggedOfAvailable(person(page, 'Jules Martin'))).available).toBeCloseTo((before.available * 24) / 40, 0);

  await page.goto('/settings?tab=working-time');
  await expect(page.getByRole('heading', { name: 'Company holidays' })).toBeVisible();

  // A holiday without a name is refused on the field, nothing is sent.
  await page.getByRole('button', { name: 'Add a holiday' }).click();
  const row = page.getByTestId('holiday-row').last();
  await row.locator('input[type=date]').fill(recentWeekday());
  await page.getByRole('button', { name: 'Save holidays' }).click();
  await expect(row.getByText('Must not be blank')).toBeVisible();
  await row.getByRole('textbox', { name: /^Name of holiday/ }).fill('Staff day');
  await page.getByRole('button', { name: 'Save holidays' }).click();
  await expect(notification(page, 'Holidays saved')).toBeVisible();

  // Jules goes part-time: 20 hours a week, with a preview before saving.
  const jules = page.getByTestId('weekly-hours-row').filter({ has: page.getByRole('textbox', { name: 'Weekly hours of Jules Martin' }) });
  await jules.getByRole('textbox', { name: 'Weekly hours of Jules Martin' }).fill('20h');
  await expect(jules).toContainText('20h a week, 4h a working day');
  await jules.getByRole('button', { name: 'Save' }).click();
  await expect(notification(page, 'Working time saved')).toContainText('Jules Martin: 20h a week');
  await screenshot(page, 'settings-working-time');
  await page.setViewportSize({ width: 390, height: 844 });
  // The tab fits the phone (the toast of the save is not part of it).
  const panel = page.getByRole('tabpanel');
  // Polled: the layout settles a moment after the resize.
  await expect.poll(() => panel.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 390)).toBe(true);
  await screenshot(page, 'settings-working-time-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  // After: the holiday takes one 8-hour day from Max; Jules has half of what Max has.
  await page.goto('/insights');
  await expect(person(page, 'Jules Martin')).toBeVisible({ timeout: 90_000 });
  await expect
    .poll(async () => (await loggedOfAvailable(person(page, 'Max Ortega'))).available, { timeout: 60_000 })
    .toBe(before.available - 8);
  expect((await loggedOfAvailable(person(page, 'Jules Martin'))).available).toBe((before.available - 8) / 2);
  await coverage.screenshot({ path: 'test-results/screens/insights-coverage.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(person(page, 'Max Ortega')).toBeVisible();
  // The section fits the phone: nothing in it spills sideways.
  await coverage.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const box = await coverage.boundingBox();
      return box!.x + box!.width;
    })
    .toBeLessThanOrEqual(390);
  await expect.poll(() => coverage.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await coverage.screenshot({ path: 'test-results/screens/insights-coverage-phone.png' });
});
