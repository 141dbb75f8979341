import { expect, test, type Locator } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/** At phone width the element fits the screen and nothing in it scrolls the page sideways (polled: layout settles after a resize). */
async function fitsPhone(element: Locator) {
  await expect.poll(() => element.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
  await expect.poll(() => element.page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('a lead creates an initiative, a marketer links a strategic request to it in the drawer, the CMO sees it in Insights', async ({
  page,
  browser,
}) => {
  // Three people and five screens on a machine shared with other suites.
  test.setTimeout(420_000);
  const name = `Partner-led growth ${Date.now()}`;
  const title = `Partner market sizing ${Date.now()}`;

  // The lead adds the initiative in Settings → Initiatives.
  await signIn(page, accounts.lead);
  await page.goto('/settings?tab=initiatives');
  await page.getByRole('button', { name: 'New initiative' }).click();
  const modal = page.getByRole('dialog', { name: 'New initiative' });
  // Saving empty shows the errors on the fields, and nothing is sent.
  await modal.getByRole('button', { name: 'Add initiative' }).click();
  await expect(modal.getByText('Choose an owner')).toBeVisible();
  await modal.getByRole('textbox', { name: 'Name' }).fill(name);
  await modal.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Max Ortega' }).click();
  await expect(modal.getByRole('combobox', { name: 'Quarter' })).not.toHaveValue('');
  await modal.getByRole('textbox', { name: 'Goal' }).fill('Ten partner-sourced deals in the pipeline by quarter end.');
  await screenshot(page, 'initiatives-new-modal');
  await modal.getByRole('button', { name: 'Add initiative' }).click();
  await expect(modal).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Max Ortega');
  await expect(row).toContainText('(this quarter)');
  // Archive and restore, as a lead would after a quarter.
  await row.getByRole('button', { name: 'Archive' }).click();
  await expect(row).toContainText('Archived');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(row.getByRole('button', { name: 'Archive' })).toBeVisible();
  await expect(row).not.toContainText('Archived');
  await screenshot(page, 'initiatives-settings');
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsPhone(page.getByRole('tabpanel'));
  await screenshot(page, 'initiatives-settings-phone');

  // A marketer confirms a research request as strategic and links it in the drawer.
  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer, accounts.marketer);
  const types = (await (await marketer.request.get('/api/request-types')).json()) as { items: { id: number; name: string }[] };
  const research = types.items.find((t) => t.name === 'Market research')!.id;
  const filed = await marketer.request.post('/api/requests', { data: { title, typeId: research } });
  expect(filed.status()).toBe(201);
  const req = (await filed.json()) as { id: number; key: string };
  expect((await marketer.request.post(`/api/requests/${req.id}/time-entries`, { data: { minutes: 150 } })).status()).toBe(201);

  await marketer.goto(`/board?q=${encodeURIComponent(title)}`);
  await marketer.getByTestId(`card-${req.id}`).click();
  const drawer = marketer.getByRole('dialog');
  // Only strategic requests serve an initiative: the select appears once the class is confirmed.
  await expect(drawer.getByRole('combobox', { name: 'Initiative' })).toHaveCount(0);
  await drawer.getByText('Strategic (S)').click();
  const select = drawer.getByRole('combobox', { name: 'Initiative' });
  await expect(select).toBeVisible();
  await select.click();
  await marketer.getByRole('option', { name }).click();
  await expect(select).toHaveValue(name);
  await expect
    .poll(
      async () => ((await (await marketer.request.get(`/api/requests/${req.id}`)).json()) as { initiativeId: number | null }).initiativeId,
    )
    .not.toBeNull();
  await drawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(drawer.getByText(`linked it to the initiative "${name}"`)).toBeVisible();
  await screenshot(marketer, 'initiatives-drawer');
  // The request page offers the same select.
  await marketer.goto(`/requests/${req.id}`);
  // The page's code loads on demand; on a busy machine that takes a while.
  await expect(marketer.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 60_000 });
  await expect(marketer.getByRole('combobox', { name: 'Initiative' })).toHaveValue(name);
  await marketerContext.close();

  // The CMO reads it in Insights → Initiatives and in the time split by initiative.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/insights');
  const section = page.locator('#initiatives');
  await expect(section.getByRole('heading', { name: 'Initiatives' })).toBeVisible({ timeout: 60_000 });
  const line = section.getByRole('row').filter({ hasText: name });
  // 150 minutes logged today, the request open: Hours 2.5, Delivered 0, Open 1.
  await expect(line.getByRole('cell')).toHaveText([new RegExp(name), 'Max Ortega', '2.5', '0', '1'], { timeout: 60_000 });
  await expect(section.getByRole('row').filter({ hasText: 'No initiative' })).toContainText(/strategic in name only\? \d+ requests?/);
  await expect(section.getByRole('row').filter({ hasText: 'No initiative' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/screens/insights-initiatives.png' });

  const showback = page.locator('#showback');
  await showback.getByText('By initiative', { exact: true }).click();
  await expect(showback.getByRole('columnheader', { name: 'Initiative' })).toBeVisible();
  const split = showback.getByRole('row').filter({ hasText: name });
  await expect(split).toContainText('2.5', { timeout: 60_000 });
  await expect(showback.getByRole('row').filter({ hasText: 'No initiative' })).toBeVisible();
  await showback.scrollIntoViewIfNeeded();
  await showback.screenshot({ path: 'test-results/screens/insights-time-split-by-initiative.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await fitsPhone(section);
  // Every figure stays in view: the last column is on screen without scrolling the table sideways.
  await expect
    .poll(async () => {
      const box = await section.getByRole('columnheader', { name: 'Open' }).boundingBox();
      return box ? box.x + box.width : Infinity;
    })
    .toBeLessThanOrEqual(390);
  await fitsPhone(showback);
  await section.screenshot({ path: 'test-results/screens/insights-initiatives-phone.png' });
  await showback.screenshot({ path: 'test-results/screens/insights-time-split-by-initiative-phone.png' });
});
