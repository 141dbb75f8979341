import { expect, request as apiRequest, test } from '@playwright/test';
import { accounts, demoPassword, screenshot, signIn } from './support';

test('a salesperson typing a title like a colleague’s request follows it instead and finds it under Following', async ({
  page,
  baseURL,
}) => {
  // A colleague of the same department (Liam, Sales) filed it first. The made-up word makes the
  // request the best match whatever else the demo or other specs hold.
  const tag = `kestrel${Date.now().toString(36)}`;
  const colleague = await apiRequest.newContext({ baseURL });
  expect((await colleague.post('/api/auth/login', { data: { email: 'liam.sales@example.com', password: demoPassword } })).status()).toBe(
    200,
  );
  const filed = await colleague.post('/api/requests', {
    data: { title: `Roll-up banners ${tag} for the Hamburg expo`, brief: 'Two roll-ups, brand colours.', typeId: 1 },
  });
  expect(filed.status()).toBe(201);
  const existing = (await filed.json()) as { id: number; key: string; title: string };
  await colleague.dispose();

  await signIn(page, accounts.sales);
  await page.getByRole('link', { name: 'New request' }).first().click();
  await expect(page.getByRole('heading', { name: 'New request' })).toBeVisible();
  await page.getByLabel('Title').pressSequentially(`Banners ${tag} Hamburg`, { delay: 20 });

  const similar = page.getByRole('region', { name: 'Similar requests' });
  await expect(similar).toBeVisible();
  const item = similar.getByRole('listitem').filter({ hasText: existing.key });
  await expect(item).toContainText(existing.title);
  await expect(item).toContainText('Intake');
  await expect(item.getByRole('link', { name: new RegExp(existing.title) })).toHaveAttribute('href', `/requests/${existing.id}`);
  await screenshot(page, 'similar-requests-1440');

  await item.getByRole('button', { name: 'Follow' }).click();
  await expect(item.getByRole('button', { name: 'Following' })).toBeVisible();
  // Filing stays possible.
  await expect(page.getByRole('button', { name: 'Submit request' })).toBeEnabled();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // At phone width the button stays whole beside the title, not pushed off the edge.
  await item.scrollIntoViewIfNeeded();
  await expect(item.getByRole('button', { name: 'Following' })).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'similar-requests-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('link', { name: 'My requests' }).first().click();
  await page.getByText('Following', { exact: true }).click();
  await expect(page).toHaveURL(/scope=following/);
  const row = page.getByRole('row', { name: new RegExp(existing.key) });
  await expect(row).toContainText(existing.title);
  await screenshot(page, 'my-requests-following');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'my-requests-following-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  // On its page the salesperson (who did not file it) can stop following it.
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: existing.title })).toBeVisible();
  await expect(page.getByText('followed it instead of filing a similar request')).toBeVisible();
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'request-follow-390');
});
