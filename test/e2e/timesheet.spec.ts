import { expect, test, type Page } from '@playwright/test';
import { accounts, navLinks, screenshot, signIn } from './support';

/** How the app writes minutes: 90 → "1h 30m", 0 → "0h" (written here from the UI's convention, not imported). */
function hm(minutes: number): string {
  if (minutes === 0) return '0h';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}

interface Sheet {
  from: string;
  to: string;
  loggedMinutes: number;
  availableMinutes: number;
  gapMinutes: number;
  classes: Record<'strategic' | 'tactical' | 'unclassified', number>;
  days: { date: string; loggedMinutes: number }[];
}
const readSheet = async (page: Page, query = '') => (await (await page.request.get(`/api/timesheet${query}`)).json()) as Sheet;
const gapText = (gap: number) => (gap > 0 ? `${hm(gap)} unaccounted` : gap === 0 ? 'None: fully accounted' : `${hm(-gap)} over`);

/** The grid cell of a request on a day, found by its accessible name ("MKT-12 Title, Wed 11 Nov"). */
function cell(page: Page, key: string, date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(d);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
  return page.getByRole('textbox', { name: new RegExp(`^${key} .*, ${weekday} ${day}$`) });
}

/**
 * A request of the signed-in marketer's own, assigned to them, with no time yet: the e2e database is
 * shared by every spec, so the test brings the open request it fills rather than hoping one is left.
 */
async function ownOpenRequest(page: Page, title: string): Promise<string> {
  const filed = await page.request.post('/api/requests', { data: { title: `${title} ${Date.now()}`, typeId: 1 } });
  expect(filed.status()).toBe(201);
  const request = (await filed.json()) as { id: number; key: string; version: number };
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: number } };
  const assigned = await page.request.patch(`/api/requests/${request.id}`, { data: { version: request.version, assigneeId: me.user.id } });
  expect(assigned.status()).toBe(200);
  return request.key;
}

/** "2026-11-30" → "30 Nov" (with the year when it is not this year), written here from the UI's convention. */
function inWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${day} ${months[month - 1]}${year === new Date().getFullYear() ? '' : ` ${year}`}`;
}

/** Adds a row for the request `key` through "Add a request row". */
async function addRow(page: Page, key: string) {
  await page.getByRole('combobox', { name: 'Add a request row' }).click();
  await page.getByRole('option', { name: new RegExp(`^${key} `) }).click();
}

test('a marketer fills a gap in their week; the totals and the gap follow, a reload keeps it; a lead opens that week', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.marketer);
  await navLinks(page).filter({ hasText: 'Timesheet' }).click();
  await expect(page.getByRole('heading', { name: 'Timesheet', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Week timesheet' })).toBeVisible();

  const before = await readSheet(page);
  // The week is written in words, as dates are everywhere else ("30 Nov – 6 Dec"), not as ISO dates.
  await expect(page.getByText(`Your week: ${inWords(before.from)} – ${inWords(before.to)}`)).toBeVisible();
  // Today (any open request was filed by then): the last day of the shown week that is not in the future.
  const todayDate = new Date().toISOString().slice(0, 10);
  const day = before.days.filter((d) => d.date <= todayDate).at(-1)!;

  // Add a row for one of the marketer's open requests, then type 1h 30m into today's empty cell.
  const key = await ownOpenRequest(page, 'Gap filler one-pager');
  await page.reload();
  await addRow(page, key);
  const target = cell(page, key, day.date);
  await expect(target).toHaveValue('');
  await target.fill('1h 30m');
  await expect(page.getByText('= 1h 30m')).toBeVisible();
  await target.press('Enter');

  await expect.poll(async () => (await readSheet(page)).loggedMinutes).toBe(before.loggedMinutes + 90);
  const now = await readSheet(page);
  await expect(page.getByTestId(`day-total-${day.date}`)).toHaveText(hm(day.loggedMinutes + 90));
  await expect(page.getByTestId('week-total')).toHaveText(hm(before.loggedMinutes + 90));
  await expect(page.getByTestId('week-gap')).toHaveText(gapText(before.gapMinutes - 90));
  const cls = (Object.keys(now.classes) as (keyof Sheet['classes'])[]).find((c) => now.classes[c] !== before.classes[c])!;
  expect(now.classes[cls]).toBe(before.classes[cls] + 90);
  await expect(page.getByTestId(`class-${cls}`)).toContainText(hm(before.classes[cls] + 90));
  await screenshot(page, 'timesheet');

  await page.reload();
  await expect(cell(page, key, day.date)).toHaveValue('1h 30m');
  await expect(page.getByTestId('week-gap')).toHaveText(gapText(before.gapMinutes - 90));

  // At phone width the week is one day at a time, a card per request; the page never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('table', { name: 'Week timesheet' })).toHaveCount(0);
  const days = page.getByRole('radiogroup', { name: 'Day' });
  await expect(days.getByRole('radio')).toHaveCount(7);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day.date}T00:00:00Z`));
  await days.getByText(weekday, { exact: true }).click();
  await expect(page.getByTestId(`day-card-total-${day.date}`)).toContainText(hm(day.loggedMinutes + 90));
  await expect(cell(page, key, day.date)).toHaveValue('1h 30m');
  // Polled: the shell's navigation slides away for a moment after the resize.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'timesheet-phone');

  // The lead picks the marketer and sees the same week, the new entry included.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, accounts.lead);
  await lead.goto('/timesheet');
  await lead.getByRole('combobox', { name: 'Person' }).click();
  await lead.getByRole('option', { name: 'Max Ortega' }).click();
  await expect(lead.getByText("Max Ortega's week")).toBeVisible();
  await expect(cell(lead, key, day.date)).toHaveValue('1h 30m');
  await expect(lead.getByTestId('week-total')).toHaveText(hm(before.loggedMinutes + 90));
  await expect(lead.getByTestId('week-gap')).toHaveText(gapText(before.gapMinutes - 90));
  await lead.getByRole('button', { name: 'Previous week' }).click();
  await expect(lead).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expect(lead).toHaveURL(/user=\d+/);
  await screenshot(lead, 'timesheet-lead');
  await leadContext.close();
});

test('a marketer corrects an entry in place and clears another; the totals follow', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.marketer);
  await page.goto('/timesheet');
  const before = await readSheet(page);
  const todayDate = new Date().toISOString().slice(0, 10);
  const day = before.days.filter((d) => d.date <= todayDate).at(-1)!;
  const key = await ownOpenRequest(page, 'Correction one-pager');
  await page.reload();
  await addRow(page, key);
  await cell(page, key, day.date).fill('2h');
  await cell(page, key, day.date).press('Enter');
  await expect(page.getByTestId('week-total')).toHaveText(hm(before.loggedMinutes + 120));

  // The mis-click: 2h was 45m.
  await cell(page, key, day.date).fill('45m');
  await cell(page, key, day.date).press('Enter');
  await expect(page.getByTestId(`day-total-${day.date}`)).toHaveText(hm(day.loggedMinutes + 45));
  await expect(page.getByTestId('week-gap')).toHaveText(gapText(before.gapMinutes - 45));
  await page.reload();
  await expect(cell(page, key, day.date)).toHaveValue('45m');

  // Clearing the cell deletes the entry: the week is as it was.
  await cell(page, key, day.date).fill('');
  await cell(page, key, day.date).press('Enter');
  await expect(page.getByTestId('week-total')).toHaveText(hm(before.loggedMinutes));
  await expect(page.getByTestId('week-gap')).toHaveText(gapText(before.gapMinutes));
});
