import { expect, test } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/**
 * Issue 12, "what the CMO learns": Insights shows service levels from the demo's service data
 * (expected-by dates, rushes, first responses, needs-info rounds), by type and by department, and
 * a requester sees their own department's figures on My requests.
 */
test('the CMO reads service levels by type and by department; a requester sees their department on My requests', async ({
  page,
  browser,
}) => {
  // Its own data: a Sales rush (needed tomorrow, an Event banner takes five business days).
  await signIn(page, accounts.sales);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const filed = await page.request.post('/api/requests', {
    data: { title: `Service levels e2e roll-up banner ${Date.now()}`, typeId: 1, dueDate: tomorrow },
  });
  expect(filed.status()).toBe(201);
  expect(await filed.json()).toMatchObject({ rush: true });

  await page.goto('/requests');
  const facts = page.getByRole('region', { name: 'How Sales is served' });
  await expect(facts).toBeVisible({ timeout: 30_000 });
  await expect(facts).toContainText('Last 90 days');
  await expect(facts).toContainText('On time');
  await expect(facts).toContainText('Rushes');
  // The demo gives Sales delivered requests and rushes: both figures are percentages, not dashes.
  await expect(facts.getByText(/^\d+ %$/).first()).toBeVisible();
  await screenshot(page, 'my-requests-department-service');

  const cmoContext = await browser.newContext();
  const cmo = await cmoContext.newPage();
  await signIn(cmo, accounts.lead);
  await cmo.goto('/insights');
  const section = cmo.getByTestId('service-levels');
  await expect(section.getByRole('heading', { name: 'Service levels' })).toBeVisible({ timeout: 60_000 });
  const table = section.getByTestId('service-levels-table');
  for (const header of ['Delivered', 'On time', 'First response (median)', 'Paused', 'Needs-info rounds', 'Rushes'])
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Request type' })).toBeVisible({ timeout: 60_000 });
  const banner = table.getByRole('row').filter({ hasText: 'Event banner' });
  await expect(banner).toBeVisible();
  // Demo figures: a share on time and a first response in business hours or days.
  await expect(banner).toContainText(/\d+ %/);
  await expect(banner).toContainText(/\d(\.\d)? (h|d)/);
  await section.scrollIntoViewIfNeeded();
  await screenshot(cmo, 'insights-service-levels');

  await section.getByText('By department', { exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Requesting department' })).toBeVisible({ timeout: 30_000 });
  const sales = table.getByRole('row').filter({ hasText: 'Sales' });
  await expect(sales).toBeVisible();
  await expect(sales).toContainText(/\d+ %/);
  await screenshot(cmo, 'insights-service-levels-department');

  await cmo.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  // At phone width the section fits; the table scrolls sideways in its own region, never the page.
  await expect.poll(() => section.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
  await expect.poll(() => cmo.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(section.getByRole('region', { name: 'Service levels, table' })).toBeVisible();
  await section.screenshot({ path: 'test-results/screens/insights-service-levels-phone.png' });
  await cmoContext.close();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await facts.screenshot({ path: 'test-results/screens/my-requests-department-service-phone.png' });
});
