import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

const bellOf = (page: Page) =>
  page.getByRole('link', { name: /^Notifications, / }).or(page.getByRole('button', { name: /^Notifications, / }));

/** The page is no wider than the screen: nothing scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a mention reaches the person live: bell count, list, link to the request, read, mark all read', async ({ browser }) => {
  const salesContext = await browser.newContext();
  const marketingContext = await browser.newContext();
  const sales = await salesContext.newPage();
  const marketer = await marketingContext.newPage();
  // Two people, a dozen screens and live events on a busy two-core machine.
  test.setTimeout(480_000);
  const title = `Mention me ${Date.now()}`;

  // Sales files a request and starts with nothing unread.
  await signIn(sales, accounts.sales);
  const types = (await (await sales.request.get('/api/request-types')).json()) as { items: { id: number }[] };
  const filed = await sales.request.post('/api/requests', { data: { title, typeId: types.items[0]!.id } });
  expect(filed.status()).toBe(201);
  const { id, key } = (await filed.json()) as { id: number; key: string };
  expect((await sales.request.post('/api/notifications/read', { data: { all: true } })).status()).toBe(200);
  await sales.goto('/requests');
  const bell = bellOf(sales);
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  // The marketer mentions Sales through the autocomplete: typing, arrows, Enter.
  await signIn(marketer, accounts.marketer);
  await marketer.goto(`/requests/${id}`);
  const box = marketer.getByRole('combobox', { name: 'New comment' });
  await box.click();
  await box.pressSequentially('Could you check the copy, @sa');
  const listbox = marketer.getByRole('listbox', { name: 'People to mention' });
  await expect(listbox.getByRole('option', { name: /Sam Reyes/ })).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const activeId = await box.getAttribute('aria-activedescendant');
  await expect(marketer.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true');
  await marketer.screenshot({ path: 'test-results/screens/notifications-mention-autocomplete.png' });
  await box.press('Enter');
  await expect(listbox).toBeHidden();
  await box.pressSequentially('thanks!');
  await expect(box).toHaveValue('Could you check the copy, @sales thanks!');
  // Escape closes the list only.
  await box.pressSequentially(' @ma');
  await expect(listbox).toBeVisible();
  await box.press('Escape');
  await expect(listbox).toBeHidden();
  await box.press('Backspace');
  await box.press('Backspace');
  await box.press('Backspace');
  await box.press('Backspace');
  await marketer.getByRole('button', { name: 'Comment', exact: true }).click();
  const mention = marketer.locator('[data-mention="sales"]');
  await expect(mention).toHaveText('@sales');
  await expect(mention).toHaveAttribute('title', 'Sam Reyes');

  // Sales's bell counts it without a reload.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(sales.getByTestId('notification-badge')).toHaveText('1');
  await bell.click();
  const popover = sales.getByRole('dialog', { name: 'Notifications' });
  const item = popover.getByRole('link', { name: new RegExp(`Unread: Max Ortega mentioned you on ${key}`) });
  await expect(item).toBeVisible();
  await sales.screenshot({ path: 'test-results/screens/notifications-bell-1440.png', clip: { x: 840, y: 0, width: 600, height: 420 } });
  await item.click();
  await expect(sales).toHaveURL(new RegExp(`/requests/${id}$`));
  await expect(sales.getByRole('heading', { name: title })).toBeVisible();
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  const stored = (await (await sales.request.get('/api/notifications?unread=true')).json()) as { unreadCount: number };
  expect(stored.unreadCount).toBe(0);

  // Two more mentions arrive; "Mark all read" on the full page clears both.
  for (const body of ['@sales one more', '@sales and another']) {
    expect((await marketer.request.post(`/api/requests/${id}/comments`, { data: { body } })).status()).toBe(201);
  }
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await sales.goto('/notifications');
  const page = sales.getByRole('list', { name: 'Notifications' });
  await expect(page.getByRole('link', { name: /^Unread: / })).toHaveCount(2);
  await sales.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await expect(page.getByRole('link', { name: /^Unread: / })).toHaveCount(0);
  await sales.reload();
  await expect(bellOf(sales)).toHaveAccessibleName('Notifications, none unread');
  await expect(
    sales
      .getByRole('list', { name: 'Notifications' })
      .getByRole('link', { name: new RegExp(key) })
      .first(),
  ).toBeVisible();

  await salesContext.close();
  await marketingContext.close();
});

test('notification settings are kept per kind; the weekly brief row is for insights readers only', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, accounts.sales);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Notification settings' }).click();
  await expect(page.getByRole('heading', { name: 'Notification settings', level: 1 })).toBeVisible();
  const mentioned = page.getByRole('radiogroup', { name: 'Mentioned' });
  await expect(mentioned.getByRole('radio', { name: 'Email' })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Weekly brief' })).toHaveCount(0);
  await mentioned.getByText('In app', { exact: true }).click();
  await expect(page.getByText('Notification settings saved')).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Overdue' }).getByText('Off', { exact: true }).click();
  await expect(page.getByText('Overdue: not at all.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Mentioned' }).getByRole('radio', { name: 'In app' })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Overdue' }).getByRole('radio', { name: 'Off' })).toBeChecked();
  const saved = (await (await page.request.get('/api/me/notification-settings')).json()) as { kinds: Record<string, string> };
  expect(saved.kinds).toMatchObject({ mentioned: 'in_app', overdue: 'off', assigned: 'email' });
  await screenshot(page, 'notifications-settings-1440');

  // The lead reads insights: their page has the weekly brief.
  const lead = await (await page.context().browser()!.newContext()).newPage();
  await signIn(lead, accounts.lead);
  await lead.goto('/account/notifications');
  const brief = lead.getByRole('radiogroup', { name: 'Weekly brief' });
  await expect(brief).toBeVisible({ timeout: 60_000 });
  // The brief is email only: Email or Off.
  await expect(brief.getByRole('radio')).toHaveCount(2);
  await lead.context().close();
});

test('at phone width the bell leads to the notifications page, and nothing scrolls sideways', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, accounts.sales);
  const bell = page.getByRole('link', { name: /^Notifications, / });
  await expect(bell).toBeVisible();
  // The header holds the burger, the logo, the bell and the avatar within the screen.
  const header = page.getByRole('banner');
  expect(await header.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect((await bell.boundingBox())!.x + (await bell.boundingBox())!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screens/notifications-bell-390.png' });
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notifications' }).or(page.getByText(/No notifications yet/))).toBeVisible();
  await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'notifications-page-390');
  await page.goto('/account/notifications');
  await expect(page.getByRole('radiogroup', { name: 'Mentioned' })).toBeVisible();
  await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'notifications-settings-390');
});
