import { expect, test } from '@playwright/test';
import { accounts, navLinks, screenshot, signIn } from './support';
import { navItemsByRole } from './nav-expectations';

test('a wrong password shows an error and keeps the email', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(accounts.sales);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  await expect(page.getByLabel('Email')).toHaveValue(accounts.sales);
  await screenshot(page, 'sign-in-error');
});

for (const [role, email] of [
  ['requester', accounts.sales],
  ['marketer', accounts.marketer],
  ['lead', accounts.lead],
] as const) {
  test(`signing in as a ${role} shows the ${role}'s navigation`, async ({ page }) => {
    await signIn(page, email);
    await expect(navLinks(page)).toHaveText(navItemsByRole[role]);
    await screenshot(page, `shell-${role}`);
  });
}

test('signing out ends the session and a deep link returns there after signing in again', async ({ page }) => {
  await signIn(page, accounts.lead);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/some/deep/link?x=1');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsome%2Fdeep%2Flink%3Fx%3D1/);
  await page.getByLabel('Email').fill(accounts.lead);
  await page.getByLabel('Password').fill('altitude-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/some\/deep\/link\?x=1$/);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a requester cannot open the board, even by typing its address', async ({ page }) => {
  await signIn(page, accounts.sales);
  await page.goto('/board');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('when the session ends mid-visit, the next action leads to sign-in and back to the same page', async ({ page, context }) => {
  await signIn(page, accounts.sales);
  await page.getByRole('link', { name: 'My requests' }).click();
  await expect(page.getByRole('heading', { name: 'My requests' })).toBeVisible();
  await context.clearCookies();
  await page.getByText(/^All of Sales$/).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Frequests%3Fscope%3Ddepartment/);
  await page.getByLabel('Email').fill(accounts.sales);
  await page.getByLabel('Password').fill('altitude-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/requests\?scope=department$/);
});
