import { expect, test, type Browser, type Page } from '@playwright/test';
import { navItemsByRole } from './nav-expectations';
import { accounts, navLinks, screenshot, signIn } from './support';

/** Console errors and API answers of 400 or more: a reader's page must make neither. */
function watch(page: Page) {
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
  return { errors, failed };
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const boardViewSwitch = (page: Page) => page.getByLabel('Board view: hide per-person figures');

test('the exec opens Insights read-only, downloads an export and prints it, without a failing call', async ({ page }) => {
  const seen = watch(page);
  await signIn(page, accounts.exec);
  await expect(navLinks(page)).toHaveText([...navItemsByRole.reader]);
  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(page.getByTestId('insight').first()).toBeVisible();
  await expect(page.getByTestId('weekly-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Read-only: no switch, no link into Settings, no links into requests the exec may not open.
  await expect(boardViewSwitch(page)).toHaveCount(0);
  await expect(page.locator('a[href^="/settings"]')).toHaveCount(0);
  await expect(page.locator('#hand-back a[href^="/requests/"]')).toHaveCount(0);

  // The export links answer a CSV to the exec.
  for (const name of ['requests.csv', 'time-entries.csv']) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status(), name).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
  }

  // Print / PDF opens the browser's print dialog (stubbed), and the print stylesheet drops the navigation.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed++;
    };
  });
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await screenshot(page, 'exec-insights');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await screenshot(page, 'exec-insights-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.waitForLoadState('networkidle');
  expect(seen.failed).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('a lead turns the board view on, and the exec no longer sees per-person figures', async ({ browser }) => {
  const exec = await signedIn(browser, accounts.exec);
  await exec.goto('/insights');
  await exec.locator('#showback').getByText('By marketer', { exact: true }).click();
  const perMarketer = exec.getByTestId('showback-table').locator('tbody tr');
  // Polled: switching the grouping loads the per-marketer split (the table waits for it).
  await expect.poll(() => perMarketer.count()).toBeGreaterThan(1);
  await expect(exec.getByTestId('board-view-note')).toHaveCount(0);

  const lead = await signedIn(browser, accounts.lead);
  await lead.goto('/insights');
  await expect(boardViewSwitch(lead)).not.toBeChecked();
  await boardViewSwitch(lead).click();
  await expect(boardViewSwitch(lead)).toBeChecked();
  await screenshot(lead, 'insights-board-view-switch');
  // The lead still sees every marketer.
  await lead.locator('#showback').getByText('By marketer', { exact: true }).click();
  await expect.poll(() => lead.getByTestId('showback-table').locator('tbody tr').count()).toBeGreaterThan(1);

  await exec.reload();
  await expect(exec.getByTestId('board-view-note')).toHaveText('Board view: per-person figures are hidden.');
  await exec.locator('#showback').getByText('By marketer', { exact: true }).click();
  await expect(exec.getByText('Board view: hours per marketer are hidden.')).toBeVisible();
  await expect(perMarketer).toHaveCount(1);
  const split = await (await exec.request.get('/api/reports/time-split?groupBy=assignee')).json();
  expect(split).toMatchObject({ peopleHidden: true, groups: [] });
  await screenshot(exec, 'exec-insights-board-view');

  await boardViewSwitch(lead).click();
  await expect(boardViewSwitch(lead)).not.toBeChecked();
});

test('a marketer sets "Planned for" and the requester sees both dates on My requests', async ({ browser }) => {
  const sales = await signedIn(browser, accounts.sales);
  const filed = await sales.request.post('/api/requests', {
    data: { title: 'Roll-ups for the Ghent partner day', typeId: 1, dueDate: '2099-06-20' },
  });
  expect(filed.status()).toBe(201);
  const req = (await filed.json()) as { id: number; key: string };

  const marketer = await signedIn(browser, accounts.marketer);
  await marketer.goto(`/board?q=Ghent partner day`);
  await marketer.getByTestId(`card-${req.id}`).click();
  const drawer = marketer.getByRole('dialog');
  await expect(drawer.getByLabel('Needed by')).toHaveValue('2099-06-20');
  await drawer.getByLabel('Planned for').fill('2099-06-16');
  await drawer.getByLabel('Planned for').blur();
  await expect(marketer.getByTestId(`card-${req.id}`)).toContainText('Plan');
  await screenshot(marketer, 'drawer-planned-for');

  await sales.getByRole('link', { name: 'My requests' }).click();
  const row = sales.getByRole('row', { name: new RegExp(req.key) });
  await expect(row).toContainText('20 Jun 2099');
  await expect(row).toContainText('16 Jun 2099');
  const headers = await sales.getByRole('columnheader').allTextContents();
  expect(headers).toEqual(expect.arrayContaining(['Needed by', 'Planned for']));
  expect(headers).not.toContain('ETA');
  await screenshot(sales, 'my-requests-dates');
  await sales.setViewportSize({ width: 390, height: 844 });
  await screenshot(sales, 'my-requests-dates-phone');
  // At phone width the list is cards, each a link named by its key and title.
  await sales.getByRole('link', { name: new RegExp(req.key) }).click();
  await expect(sales.getByRole('heading', { name: 'Roll-ups for the Ghent partner day' })).toBeVisible();
  await expect(sales.getByText('Planned for', { exact: true })).toBeVisible();
  await expect(sales.getByText('16 Jun 2099')).toBeVisible();
});
