import { expect, test, type Page } from '@playwright/test';
import { accounts, navLinks, screenshot, signIn } from './support';

const notification = (page: Page, title: string) => page.locator('.mantine-Notification-root').filter({ hasText: title }).last();
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the lead sets a reserve in Settings → Working time and sees it in Capacity; marketers read it, requesters have no Capacity', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signIn(page, accounts.lead);

  // A marketer of this run only (40 h a week, nothing assigned), so no other spec moves their figures.
  const name = `Rosa Capacity ${Date.now()}`;
  const departments = (await (await page.request.get('/api/departments')).json()) as { items: { id: number; name: string }[] };
  const created = await page.request.post('/api/users', {
    data: {
      email: `rosa.${Date.now()}@example.com`,
      name,
      role: 'marketer',
      departmentId: departments.items.find((d) => d.name === 'Marketing')!.id,
      password: 'a long enough passphrase',
    },
  });
  expect(created.status()).toBe(201);

  // Settings → Working time: a quarter of her 40 h week, typed as a share, previewed as hours.
  await page.goto('/settings?tab=working-time');
  const row = page.getByTestId('weekly-hours-row').filter({ has: page.getByRole('textbox', { name: `Weekly hours of ${name}` }) });
  const reserve = row.getByRole('textbox', { name: `Strategic reserve (hours per week) of ${name}` });
  await reserve.fill('50h');
  await expect(row).toContainText('Must be at most the weekly hours (40h)');
  await expect(row.getByRole('button', { name: 'Save' })).toBeDisabled();
  await reserve.fill('25%');
  await expect(row).toContainText('10h a week kept for strategic work (25 %)');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(notification(page, 'Working time saved')).toContainText(`${name}: 40h a week, 10h strategic reserve.`);

  // Capacity: her weeks keep 10 h of reserve (a full week; a week with a holiday keeps less) and 30 h free.
  await navLinks(page).filter({ hasText: 'Capacity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacity' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'From' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Capacity by person and week' });
  await expect(table.getByRole('columnheader', { name: /^Week of \d{1,2} [A-Z][a-z]{2}/ })).toHaveCount(6);
  const rosa = table.getByRole('row').filter({ hasText: name });
  await expect(rosa.getByRole('img', { name: /available 40 h, reserve 10 h, strategic 0 h, tactical 0 h$/ }).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(rosa.getByText('30 h free').first()).toBeVisible();
  await screenshot(page, 'capacity');

  // The demo marketer's row reads too: their own weeks, with their reserve.
  await expect(table.getByRole('row').filter({ hasText: 'Max Ortega' }).getByRole('img').first()).toHaveAccessibleName(/reserve \d/);

  // On a phone: one card per person, weeks as rows, no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByRole('region', { name });
  await expect(card).toBeVisible();
  await expect(card.getByText('30 h free').first()).toBeVisible();
  await expect.poll(() => pageOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'capacity-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  // A marketer opens Capacity from the navigation.
  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer, accounts.marketer);
  await navLinks(marketer).filter({ hasText: 'Capacity' }).click();
  await expect(marketer.getByRole('heading', { level: 1, name: 'Capacity' })).toBeVisible();
  await expect(marketer.getByRole('row').filter({ hasText: 'Max Ortega' })).toContainText('(you)');
  await marketerContext.close();

  // A requester has no Capacity in the navigation, and the address shows nothing.
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, accounts.sales);
  await expect(navLinks(sales).filter({ hasText: 'Capacity' })).toHaveCount(0);
  await sales.goto('/capacity');
  await expect(sales.getByRole('heading', { level: 1, name: 'Capacity' })).toHaveCount(0);
  await salesContext.close();
});
