import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

const notification = (page: Page, title: string) => page.locator('.mantine-Notification-root').filter({ hasText: title }).last();

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

test('the lead sets the target and a WIP limit, adds a department, invites a marketer and deactivates them', async ({ page, browser }) => {
  // One journey across every tab and two browsers: longer than the default 30 s.
  test.setTimeout(90_000);
  await signIn(page, accounts.lead);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // Target: this quarter to 45 %.
  const thisQuarter = page.getByLabel(/^Strategic share target for/).first();
  await thisQuarter.fill('45');
  await page
    .getByRole('button', { name: /^Save Q\d \d{4}$/ })
    .first()
    .click();
  await expect(notification(page, 'Target saved')).toContainText('45 % strategic');
  await page.reload();
  await expect(page.getByLabel(/^Strategic share target for/).first()).toHaveValue('45 %');
  await screenshot(page, 'settings');

  // Request types: the catalogue is listed and an edit opens filled in; nothing is renamed.
  await openTab(page, 'Request types');
  await page.getByRole('button', { name: 'Edit Event banner' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit request type' }).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    'Event banner',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await screenshot(page, 'settings-request-types');

  // Departments: a new one, and a name already taken is refused on the field.
  await openTab(page, 'Departments');
  await page.getByLabel('New department name').fill('Investor relations');
  await page.getByRole('button', { name: 'Add department' }).click();
  await expect(notification(page, 'Department added')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Investor relations', exact: true })).toBeVisible();
  await page.getByLabel('New department name').fill('sales');
  await page.getByRole('button', { name: 'Add department' }).click();
  await expect(page.getByText('"sales" is already taken')).toBeVisible();

  // Workflow: In review at most 8 cards, shown on the board.
  await openTab(page, 'Workflow');
  await page.getByRole('textbox', { name: 'WIP limit for In review', exact: true }).fill('8');
  await page.getByRole('button', { name: 'Save WIP limit for In review' }).click();
  await expect(notification(page, 'WIP limit saved')).toContainText('at most 8 cards');

  // People: invite a marketer with an initial password.
  const email = `nadia.${Date.now()}@example.com`;
  const password = 'welcome-to-altitude';
  await openTab(page, 'People');
  await page.getByRole('button', { name: 'Add with password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a person' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nadia Okafor');
  await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Marketer' }).click();
  await dialog.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Marketing' }).click();
  await dialog.getByRole('textbox', { name: 'Initial password', exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Invite' }).click();
  await expect(notification(page, 'Nadia Okafor invited')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: new RegExp(email) })).toBeVisible();
  await screenshot(page, 'settings-people');

  // Nadia signs in and works the board, which shows the new limit.
  const other = await browser.newContext();
  const nadia = await other.newPage();
  await signIn(nadia, email, password);
  await nadia.getByRole('link', { name: 'Board' }).click();
  await expect(nadia.getByTestId('wip-in_review')).toContainText('/ 8', { timeout: 15_000 });

  // Deactivated, she is signed out at once and cannot sign in again.
  await page.getByRole('switch', { name: 'Nadia Okafor is active' }).click();
  await page.getByRole('dialog', { name: 'Deactivate Nadia Okafor?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(notification(page, 'Nadia Okafor updated')).toContainText('Deactivated');
  await expect(page.getByRole('switch', { name: 'Nadia Okafor is active' })).not.toBeChecked();

  expect((await nadia.request.get('/api/auth/me')).status()).toBe(401);
  await nadia.reload();
  await expect(nadia).toHaveURL(/\/sign-in/);
  await nadia.getByLabel('Email').fill(email);
  await nadia.getByLabel('Password').fill(password);
  await nadia.getByRole('button', { name: 'Sign in' }).click();
  await expect(nadia.getByRole('alert')).toContainText('Email or password is incorrect');
  await other.close();
});

test('a marketer has no Settings and cannot open it by its address', async ({ page }) => {
  await signIn(page, accounts.marketer);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a WIP limit of 0 and a target of 150 % are refused on the field before saving, and what was typed stays', async ({ page }) => {
  await signIn(page, accounts.lead);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // Target: 150 stays in the field with the reason under it; Save is off and nothing is stored.
  const target = page.getByLabel(/^Strategic share target for/).first();
  const before = await target.inputValue();
  await target.fill('150');
  await target.blur();
  await expect(target).toHaveValue('150 %');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must be between 0 and 100 %').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save Q\d \d{4}$/ }).first()).toBeDisabled();
  await screenshot(page, 'settings-target-invalid');
  await page.reload();
  await expect(page.getByLabel(/^Strategic share target for/).first()).toHaveValue(before);

  // WIP limit: 0 is not clamped to 1 on blur; it is refused, and the stored limit stays.
  await openTab(page, 'Workflow');
  const limit = page.getByRole('textbox', { name: 'WIP limit for In progress', exact: true });
  const stored = await limit.inputValue();
  await limit.fill('0');
  await limit.blur();
  await expect(limit).toHaveValue('0');
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must be at least 1; leave it empty for no limit')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save WIP limit for In progress' })).toBeDisabled();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'settings-wip-invalid-phone');
  const columns = await (await page.request.get('/api/settings/workflow')).json();
  expect(String(columns.items.find((c: { status: string }) => c.status === 'in_progress').wipLimit ?? '')).toBe(stored);

  // A single card reads in the singular.
  await limit.fill('1');
  await page.getByRole('button', { name: 'Save WIP limit for In progress' }).click();
  await expect(notification(page, 'WIP limit saved')).toContainText('In progress: at most 1 card.');
});
