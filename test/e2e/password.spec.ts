import { expect, test, type Browser, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/** No horizontal page scroll (measured once the layout has settled). */
async function expectNoSideScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** A fresh requester invited by the lead through the API, so no demo password ever changes. */
async function freshPerson(browser: Browser, label: string, password: string) {
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const departments = (await (await lead.request.get('/api/departments')).json()) as { items: { id: number }[] };
  const email = `${label}-${Date.now().toString(36)}@example.com`;
  const res = await lead.request.post('/api/users', {
    data: { email, name: `Pat ${label}`, role: 'requester', departmentId: departments.items[0]!.id, password },
  });
  expect(res.status()).toBe(201);
  return { email, lead };
}

test('a person changes their own password and signs in with the new one', async ({ browser }) => {
  test.setTimeout(300_000);
  const { email, lead } = await freshPerson(browser, 'changer', 'first passphrase 1');
  await lead.context().close();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, 'first passphrase 1');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();

  // A wrong current password is named under its field.
  await page.getByRole('textbox', { name: 'Current password', exact: true }).fill('not my password');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('second passphrase 2');
  await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('second passphrase 2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Is not your current password')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('textbox', { name: 'Current password', exact: true }).fill('first passphrase 1');
  await screenshot(page, 'password-change');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your other sessions have ended.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Current password', exact: true })).toHaveValue('');

  // Signed out and in again: only the new password works.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, 'second passphrase 2');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/account/password');
  await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
  await expectNoSideScroll(page);
});

test('a forgotten password: the lead finds the reset mail in Settings → Outbox, its link sets a new password', async ({ browser }) => {
  test.setTimeout(300_000);
  const { email, lead } = await freshPerson(browser, 'forgetful', 'old passphrase 1');

  // Signed out, the person asks for a link from the sign-in page.
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${email} has an Altitude account`);
  await screenshot(page, 'password-forgot');

  // No SMTP server in the demo: the message is kept in the outbox, where the lead reads it.
  await lead.goto('/settings?tab=outbox');
  const row = lead.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row.getByText('Kept')).toBeVisible();
  await screenshot(lead, 'outbox');
  await row.getByRole('button', { name: 'Reset your Altitude password' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Reset your Altitude password' });
  await expect(dialog).toContainText(`To ${email}`);
  const body = (await dialog.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset\?token=[\w-]+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  await screenshot(lead, 'outbox-message');

  await lead.setViewportSize({ width: 390, height: 844 });
  await lead.keyboard.press('Escape');
  await expectNoSideScroll(lead);

  // The link sets a new password once.
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('new passphrase 2');
  await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('new passphrase 2');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, email, 'new passphrase 2');

  // Used: opening it again says so.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link!);
  await again.getByRole('textbox', { name: 'New password', exact: true }).fill('third passphrase 3');
  await again.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('third passphrase 3');
  await again.getByRole('button', { name: 'Set new password' }).click();
  await expect(again.getByRole('alert', { name: 'This link does not work' })).toBeVisible({ timeout: 60_000 });
  await expect(again.getByRole('link', { name: 'Email me a new link' })).toBeVisible();
});
