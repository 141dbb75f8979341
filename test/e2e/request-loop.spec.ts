import { expect, test } from '@playwright/test';
import { accounts, fillRequestTitle, screenshot, signIn } from './support';

test('a sales rep files a request, follows it, and cancels it while it is in intake', async ({ page }) => {
  await signIn(page, accounts.sales);
  await page.getByRole('link', { name: 'New request' }).first().click();
  await expect(page.getByRole('heading', { name: 'New request' })).toBeVisible();

  // Submitting empty shows errors on the fields.
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByText('choose a request type')).toBeVisible();

  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: /Event banner/ }).click();
  await expect(page.getByText(/^Expected by [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}/)).toBeVisible();
  await fillRequestTitle(page, 'Roll-ups for the Porto partner day');
  await page.getByLabel('Brief').fill('Two roll-ups in **brand colours**.');
  await page.getByLabel('Business goal').fill('Pipeline from partners');
  await page.getByLabel('Audience').fill('Partner CIOs');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Needed by').fill(tomorrow);
  await expect(page.getByText('This is a rush')).toBeVisible();
  await screenshot(page, 'new-request');
  await page.getByRole('button', { name: 'Submit request' }).click();

  await expect(page.getByRole('heading', { name: 'Roll-ups for the Porto partner day' })).toBeVisible();
  const key = (await page
    .getByText(/^MKT-\d+$/)
    .first()
    .textContent())!;
  await expect(page.locator('strong', { hasText: 'brand colours' })).toBeVisible();
  await screenshot(page, 'request-detail');

  await page.getByRole('link', { name: '← My requests' }).click();
  const row = page.getByRole('row', { name: new RegExp(key) });
  await expect(row).toContainText('Intake');
  await screenshot(page, 'my-requests');

  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
});

test('a product requester does not see Sales requests', async ({ page }) => {
  await signIn(page, accounts.product);
  await page.getByRole('link', { name: 'My requests' }).click();
  await page.getByText('All of Product').click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('row', { name: /Roll-ups for the Porto partner day/ })).toHaveCount(0);
});
