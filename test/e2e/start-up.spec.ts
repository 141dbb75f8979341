import { expect, test } from '@playwright/test';

// The app starts in stages (apps/web/src/main.tsx): a stage whose file never arrives must leave
// a plain message, not a blank page.
test('when a start-up file cannot be loaded, the page says so instead of staying blank', async ({ page }) => {
  await page.route(/\/assets\/start-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/sign-in');
  await expect(page.getByRole('alert')).toHaveText('Altitude could not load. Check your connection, then reload the page.');
});

test('with every file there, the same page starts normally', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Altitude could not load')).toHaveCount(0);
});
