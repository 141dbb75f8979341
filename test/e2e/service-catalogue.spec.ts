import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { accounts, fillRequestTitle, signIn } from './support';

/**
 * The service catalogue in the web: a lead gives a type its turnaround in business days, a
 * salesperson filing one sees the date it promises (checked against a date computed here, by a
 * plain walk over the calendar) and is warned of a rush; the request then carries the date and
 * its service-level state. Screens go to /tmp/shots-slweb for a person to look at.
 */
const shots = '/tmp/shots-slweb';
mkdirSync(shots, { recursive: true });

const notification = (page: Page, title: string) => page.locator('.mantine-Notification-root').filter({ hasText: title }).last();

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (date: string) => iso(new Date(utc(date).getTime() + 86_400_000));
const previousDay = (date: string) => iso(new Date(utc(date).getTime() - 86_400_000));

/** Today's date in a time zone, read from the parts Intl gives (not the code under test). */
function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The n-th weekday after `from` that is not a holiday, walking one day at a time. */
function nthBusinessDayAfter(from: string, n: number, holidays: Set<string>): string {
  let day = from;
  for (let counted = 0; counted < n;) {
    day = nextDay(day);
    const weekday = utc(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) counted += 1;
  }
  return day;
}

/** "2026-12-15" → "Tue 15 Dec", with the year when it is not this year. */
function spoken(date: string): string {
  const d = utc(date);
  const year = d.getUTCFullYear() === new Date().getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]}${year}`;
}

/** Nothing in the page spills sideways at phone width (polled: the layout settles after a resize). */
async function fitsPhone(page: Page, region: Locator) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect.poll(async () => (await region.boundingBox())!.x + (await region.boundingBox())!.width).toBeLessThanOrEqual(390);
}

test('a lead sets a business-day turnaround; a salesperson sees the expected date, is warned of a rush, and the request shows its service level', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const typeName = `Partner one-pager ${stamp}`;
  const turnaround = 3;

  // The lead adds a type promising 3 business days, first response within 4 business hours.
  await signIn(page, accounts.lead);
  await page.goto('/settings?tab=request-types');
  await page.getByRole('button', { name: 'Add request type' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add request type' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(typeName);
  await dialog.getByLabel('Turnaround (business days)').fill(String(turnaround));
  await dialog.getByLabel('First response (business hours)').fill('4');
  await dialog.getByRole('button', { name: 'Add type' }).click();
  await expect(notification(page, 'Request type added')).toContainText('3 business days');
  const typeRow = page.getByRole('row').filter({ hasText: typeName });
  await expect(typeRow).toContainText('3 business days · first response 4 h');
  await page.getByRole('button', { name: `Edit ${typeName}` }).click();
  await expect(page.getByRole('dialog', { name: 'Edit request type' }).getByLabel('First response (business hours)')).toHaveValue('4');
  await page.screenshot({ path: `${shots}/settings-request-type-modal.png` });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The date to expect, computed here: the demo seeds holidays; the company zone decides "today".
  const calendar = (await (await page.request.get('/api/settings/holidays')).json()) as {
    items: { date: string }[];
    timezone: string;
  };
  const holidays = new Set(calendar.items.map((h) => h.date));
  const today = todayIn(calendar.timezone);
  const expected = nthBusinessDayAfter(today, turnaround, holidays);
  const neededBy = previousDay(expected);

  // The salesperson files one.
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, accounts.sales);
  await sales.goto('/requests/new');
  await sales.getByRole('combobox', { name: 'Type' }).click();
  await sales.getByRole('option', { name: new RegExp(typeName) }).click();
  await expect(sales.getByText(`Expected by ${spoken(expected)}`, { exact: true })).toBeVisible();
  const title = `Datasheet for the Porto partner day ${stamp}`;
  await fillRequestTitle(sales, title);
  await sales.getByLabel('Brief').fill('One page, both sides, partner logo on the back.');
  await expect(sales.getByText('This is a rush')).toHaveCount(0);
  await sales.getByLabel('Needed by').fill(neededBy);
  const rush = sales.getByRole('status').filter({ hasText: 'This is a rush' });
  await expect(rush).toBeVisible();
  await expect(rush).toContainText(`3 business days`);
  await expect(rush).toContainText(`expected by ${spoken(expected)}`);
  await expect(rush).toContainText('marketing will confirm');
  const form = sales.locator('form');
  await sales.screenshot({ path: `${shots}/new-request-1440.png`, fullPage: true });
  await sales.setViewportSize({ width: 390, height: 844 });
  await fitsPhone(sales, form);
  await sales.screenshot({ path: `${shots}/new-request-390.png`, fullPage: true });
  await sales.setViewportSize({ width: 1440, height: 900 });

  // Needed by a date on or after the promise is no rush.
  await sales.getByLabel('Needed by').fill(expected);
  await expect(sales.getByText('This is a rush')).toHaveCount(0);
  await sales.getByLabel('Needed by').fill(neededBy);
  await expect(rush).toBeVisible();
  await sales.getByRole('button', { name: 'Submit request' }).click();

  // The request page: the promised date and the clock's state.
  await expect(sales.getByRole('heading', { name: title })).toBeVisible();
  const facts = sales.getByText('Expected by', { exact: true }).locator('xpath=../..');
  await expect(facts).toContainText(spoken(expected));
  await expect(sales.getByText('On track', { exact: true })).toBeVisible();
  await expect(sales.getByText(/ · rush$/)).toBeVisible();
  const requestUrl = sales.url();
  const id = Number(requestUrl.split('/').pop());

  // My requests lists the state and the date.
  await sales.goto('/requests');
  const row = sales.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('On track', { timeout: 90_000 });
  await expect(row).toContainText(`Expected by ${spoken(expected).slice(4)}`);
  await salesContext.close();

  // The lead's board: cards that need attention carry a badge; the new on-track card stays calm.
  await page.goto('/board');
  // A loaded machine takes its time over the board's code and ~400 cards.
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible({ timeout: 90_000 });
  const badged = page
    .locator('[data-testid^="card-"]')
    .filter({ has: page.locator('[data-sla]') })
    .first();
  await expect(badged).toBeVisible({ timeout: 90_000 });
  await expect(badged.locator('[data-sla]')).toHaveText(/^(At risk|Breached|Paused|Missed)$/);
  await badged.scrollIntoViewIfNeeded();
  await badged.screenshot({ path: `${shots}/card-badge-1440.png` });
  await page.screenshot({ path: `${shots}/board-1440.png` });
  await page.goto(`/board?q=${stamp}`);
  const card = page.getByTestId(`card-${id}`);
  await expect(card).toBeVisible({ timeout: 90_000 });
  await expect(card.locator('[data-sla]')).toHaveCount(0);

  // The drawer tells the same: expected date and state.
  await card.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('service-level')).toContainText(`Expected by ${spoken(expected)}`);
  await expect(drawer.getByTestId('service-level')).toContainText('On track');
  await drawer.getByRole('button', { name: 'Close card' }).click();

  // The "Service level" filter writes `sla` to the URL like the other filters.
  await page.getByRole('combobox', { name: 'Service level' }).click();
  await page.getByRole('option', { name: 'Breached' }).click();
  await page.getByRole('option', { name: 'At risk' }).click();
  await expect(page).toHaveURL(/[?&]sla=breached%2Cat_risk|[?&]sla=breached,at_risk/);
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/board');
  const phoneBadged = page
    .locator('[data-testid^="card-"]')
    .filter({ has: page.locator('[data-sla]') })
    .first();
  // A phone column draws its cards 40 at a time: tap "Show … more" until a badged one is drawn,
  // as a person looking for it would.
  const more = page.getByRole('button', { name: /^Show \d+ more/ });
  await expect(phoneBadged.or(more).first()).toBeVisible({ timeout: 90_000 });
  for (let i = 0; i < 50 && (await phoneBadged.count()) === 0; i++) {
    await more.click();
    await expect(phoneBadged.or(more).first()).toBeVisible();
  }
  await expect(phoneBadged).toBeVisible();
  // The board may draw its cards again as its data settles: scroll to whichever one is there then.
  await expect(() => phoneBadged.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await expect.poll(async () => (await phoneBadged.boundingBox())!.x + (await phoneBadged.boundingBox())!.width).toBeLessThanOrEqual(390);
  await phoneBadged.screenshot({ path: `${shots}/card-badge-390.png` });
  await page.screenshot({ path: `${shots}/board-390.png` });
});
