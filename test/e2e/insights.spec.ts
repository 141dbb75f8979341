import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { accounts, parseCsv, screenshot, signIn } from './support';

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return fs.readFileSync((await file.path())!, 'utf8');
}

test('the CMO reads Insights, changes the period, exports both CSVs and prints the pack', async ({ page }) => {
  await signIn(page, accounts.lead);
  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(page.getByTestId('weekly-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('insight').first()).toBeVisible();
  const firstInsights = await page.getByTestId('insight').allTextContents();
  const hoursCard = page.locator('#headline').getByText('Hours logged').locator('..');
  const hoursBefore = await hoursCard.textContent();
  await screenshot(page, 'insights');

  await page.getByText('Last quarter', { exact: true }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=/);
  await expect(hoursCard).not.toHaveText(hoursBefore!);
  await expect.poll(() => page.getByTestId('insight').allTextContents()).not.toEqual(firstInsights);
  // The demo's six months start inside the quarter before last: "Last quarter" has no earlier data to
  // compare with, and says so instead of "+332 %" on any card or in any sentence.
  const cards = page.locator('#headline');
  await expect(cards.getByText('no earlier data').first()).toBeVisible();
  await expect(page.getByText(/compared with .* \(no earlier time data\)/)).toBeVisible();
  expect(await cards.textContent()).not.toMatch(/[+−-]\d+ %/);
  for (const text of await page.getByTestId('insight').allTextContents()) expect(text).not.toMatch(/(rose|fell) \d+ %/);
  // A quarter that does not start on a Monday (or end on a Sunday) has a partial week at that end, marked as such.
  const params = new URL(page.url()).searchParams;
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 1 = Monday
  const partialEnds = Number(weekday(params.get('from')!) !== 1) + Number(weekday(params.get('to')!) !== 0);
  await expect(page.getByText(/^Partial week: week of .* has [1-6] of 7 days in the period/)).toHaveCount(partialEnds);
  await screenshot(page, 'insights-last-quarter');
  await page.setViewportSize({ width: 390, height: 844 });
  // At phone width the page never scrolls sideways: "Who asks for what" becomes one card per group.
  await expect(page.getByRole('list', { name: 'Who asks for what' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Who asks for what, table' })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'insights-last-quarter-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The time-entries export adds up, to the minute, to the hours the headline shows.
  const headline = await (await page.request.get(`/api/reports/headline?${new URL(page.url()).searchParams}`)).json();
  const entries = await download(page, 'time-entries.csv');
  const [header, ...rows] = parseCsv(entries.trim());
  expect(header).toEqual([
    'id',
    'date',
    'request_key',
    'request_title',
    'type',
    'department',
    'classification',
    'user',
    'minutes',
    'note',
    'created_at',
  ]);
  const minutesColumn = header!.indexOf('minutes');
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.reduce((s, r) => s + Number(r[minutesColumn]), 0)).toBe(headline.loggedMinutes);

  const [requestsHeader, ...requestRows] = parseCsv((await download(page, 'requests.csv')).trim());
  expect(requestsHeader!.slice(0, 4)).toEqual(['key', 'title', 'type', 'department']);
  expect(requestRows.length).toBeGreaterThan(10);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await expect(page.locator('#weekly')).toBeVisible();
  await screenshot(page, 'insights-print');
});

test('a custom range that ends before it starts is refused on the date field and never asked for', async ({ page }) => {
  await signIn(page, accounts.lead);
  await page.goto('/insights?from=2026-09-01&to=2026-09-30');
  const hoursCard = page.locator('#headline').getByText('Hours logged').locator('..');
  // The first open builds the reports on a busy machine: wait longer than the default.
  await expect(hoursCard).toContainText(/\d/, { timeout: 90_000 });
  const shown = await hoursCard.textContent();
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/reports/') && asked.push(r.url()));

  const from = page.getByRole('textbox', { name: 'From' });
  await from.fill('2026-10-15');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Must be on or before the end date \(30 Sept?/)).toBeVisible();
  // The reports keep the last good period: its numbers stay, no grey placeholder, no request with the bad range.
  await expect(page).toHaveURL(/from=2026-09-01&to=2026-09-30/);
  await expect(hoursCard).toHaveText(shown!);
  expect(asked.filter((u) => u.includes('from=2026-10-15'))).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'insights-period-invalid-phone');

  // Fixing the other end makes the range valid: it is asked for and the error goes.
  await page.getByRole('textbox', { name: 'To' }).fill('2026-10-31');
  await expect(page).toHaveURL(/from=2026-10-15&to=2026-10-31/);
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');

  // A hand-edited link with the ends swapped shows the error and the last four weeks, not placeholders.
  await page.goto('/insights?from=2026-10-31&to=2026-10-01');
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#headline').getByText('Hours logged')).toBeVisible({ timeout: 60_000 });
});

test('a marketer cannot open Insights', async ({ page }) => {
  await signIn(page, accounts.marketer);
  await expect(page.getByRole('link', { name: 'Insights' })).toHaveCount(0);
  await page.goto('/insights');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
