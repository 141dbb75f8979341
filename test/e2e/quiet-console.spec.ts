import { expect, test, type Page } from '@playwright/test';
import { accounts, signIn } from './support';

/** Everything the page prints as a console error, and every API answer of 400 or more. */
function watch(page: Page) {
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
  return { errors, failed };
}

test('signed-out pages print no console error and make no failing call', async ({ page }) => {
  const seen = watch(page);
  for (const address of ['/sign-in', '/', '/board', '/requests/1', '/settings?tab=people', '/no/such/page']) {
    await page.goto(address);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  expect(seen.errors).toEqual([]);
  expect(seen.failed).toEqual([]);
});

test('signing out leaves the sign-in page quiet, and a reload stays signed out', async ({ page }) => {
  await signIn(page, accounts.marketer);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const seen = watch(page);
  await page.goto('/board');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fboard/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen.errors).toEqual([]);
  expect(seen.failed).toEqual([]);
});

test('a requester typing /board fires no board request', async ({ page }) => {
  await signIn(page, accounts.sales);
  const seen = watch(page);
  const boardCalls: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/board') && boardCalls.push(r.url()));
  await page.goto('/board?q=x');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(boardCalls).toEqual([]);
  expect(seen.failed).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('a marketer typing /board still gets the cards fetched by the route, once', async ({ page }) => {
  await signIn(page, accounts.marketer);
  // Signing in lands a marketer on the board: let that page finish its own read first, as a person
  // sees the board before typing an address (a read still in flight would be counted here).
  await expect(page.getByTestId('column-intake')).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  const boardCalls: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/api/board' && boardCalls.push(r.url()));
  await page.goto('/board');
  await expect(page.getByTestId('column-intake')).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(boardCalls).toHaveLength(1);
});
