import { expect, request as apiRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { accounts, demoPassword, fillRequestTitle, screenshot, signIn } from './support';

/** An API session of its own, signed in as `email`. */
async function apiAs(baseURL: string | undefined, email: string): Promise<APIRequestContext> {
  const ctx = await apiRequest.newContext({ baseURL });
  expect((await ctx.post('/api/auth/login', { data: { email, password: demoPassword } })).status()).toBe(200);
  return ctx;
}

/** The hand-back row of this spec's own type (Sales files it; nothing else names it). */
const candidateRow = (page: Page, typeName: string) => page.getByTestId('hand-back-table').getByRole('row').filter({ hasText: typeName });

async function openNewRequest(page: Page, typeName: string) {
  await page.goto('/requests/new');
  // The page's code loads on first visit; slow on a busy machine.
  await expect(page.getByRole('heading', { name: 'New request', level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: new RegExp(typeName) }).click();
}

test('a lead makes a kit from a hand-back candidate; one salesperson uses it, another files anyway; the CMO sees the counts move', async ({
  page,
  browser,
  baseURL,
}) => {
  // Three people's sessions and Insights twice: more than the default bound on a busy machine.
  test.setTimeout(480_000);
  // A tactical type of this run's own that Sales filed five times at half an hour each: a
  // hand-back candidate for the default period (the last four weeks), without a kit.
  const stamp = Date.now().toString(36);
  const typeName = `Stand flyer ${stamp}`;
  const lead = await apiAs(baseURL, accounts.lead);
  const created = await lead.post('/api/request-types', {
    data: { name: typeName, description: 'A one-page flyer for a trade-show stand.', turnaroundDays: 3, defaultClassification: 'tactical' },
  });
  expect(created.status()).toBe(201);
  const type = (await created.json()) as { id: number };
  await lead.dispose();
  const colleague = await apiAs(baseURL, 'liam.sales@example.com');
  const marketer = await apiAs(baseURL, accounts.marketer);
  for (let i = 1; i <= 5; i++) {
    const filed = await colleague.post('/api/requests', { data: { title: `Stand flyer ${stamp} for fair ${i}`, typeId: type.id } });
    expect(filed.status()).toBe(201);
    const { id } = (await filed.json()) as { id: number };
    expect((await marketer.post(`/api/requests/${id}/time-entries`, { data: { minutes: 30 } })).status()).toBe(201);
  }
  await colleague.dispose();
  await marketer.dispose();

  // The CMO finds it among the candidates, with no kit, and makes one in one click.
  await signIn(page, accounts.lead);
  await page.goto('/insights');
  const row = candidateRow(page, typeName);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole('link', { name: `Make a kit for ${typeName} (Sales)` })).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'kits-hand-back-before');
  await row.getByRole('link', { name: `Make a kit for ${typeName} (Sales)` }).click();

  const dialog = page.getByRole('dialog', { name: 'Edit request type' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(typeName);
  const kitLink = dialog.getByRole('textbox', { name: 'Kit link' });
  await expect(kitLink).toBeFocused();
  await expect(kitLink).toBeInViewport();
  await kitLink.fill('https://brand.example.com/kits/stand-flyers');
  await dialog
    .getByRole('textbox', { name: 'Instructions' })
    .fill('Open the flyer template, add the fair name and stand number, export as PDF.');
  await dialog.getByLabel('Offered to departments').click();
  await page.getByRole('option', { name: 'Sales', exact: true }).click();
  // Close the list by moving on, not with Escape (that would close the dialog).
  await dialog.getByRole('textbox', { name: 'Instructions' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove kit' })).toBeVisible();
  await screenshot(page, 'kits-settings-modal');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/tab=request-types$/);

  // A salesperson choosing the type is offered the kit first, uses it, and nothing is filed.
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, accounts.sales);
  await openNewRequest(sales, typeName);
  // The Alert is a region named by its title.
  const offer = sales.getByRole('region', { name: `${typeName} for Sales is self-serve now` });
  await expect(offer).toBeVisible();
  await expect(offer.getByText('Open the flyer template')).toBeVisible();
  await expect(offer.getByRole('link', { name: 'Open the kit' })).toHaveAttribute('href', 'https://brand.example.com/kits/stand-flyers');
  await screenshot(sales, 'kits-offer-1440');
  await sales.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sales.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(sales, 'kits-offer-390');
  await sales.setViewportSize({ width: 1440, height: 900 });
  await sales.getByLabel('Title').fill(`Stand flyer ${stamp} I will not need`);
  await offer.getByRole('button', { name: 'I used the kit' }).click();
  await expect(sales.getByText('Thanks for using the kit')).toBeVisible();
  await expect(sales.getByLabel('Title')).toHaveValue('');
  await expect(sales.getByRole('combobox', { name: 'Type' })).toHaveValue('');
  const mine = (await (await sales.request.get(`/api/requests?q=${encodeURIComponent(`${stamp} I will not need`)}`)).json()) as {
    items: unknown[];
  };
  expect(mine.items).toEqual([]);
  await salesContext.close();

  // Another salesperson files anyway, and says why.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'ava.sales@example.com');
  await openNewRequest(other, typeName);
  await other.getByRole('textbox', { name: 'Why file anyway?' }).fill('The fair wants a bilingual flyer.');
  await fillRequestTitle(other, `Stand flyer ${stamp} bilingual`);
  await other.getByRole('button', { name: 'Submit request' }).click();
  await expect(other.getByRole('heading', { name: `Stand flyer ${stamp} bilingual`, level: 1 })).toBeVisible();
  await otherContext.close();

  // The CMO sees one avoided and one filed since the kit, and half an hour saved.
  await page.goto('/insights');
  const after = candidateRow(page, typeName);
  await expect(after).toBeVisible({ timeout: 60_000 });
  const cells = after.getByRole('cell');
  const header = page.getByTestId('hand-back-table').getByRole('columnheader');
  const column = async (name: string) => (await header.allInnerTexts()).findIndex((h) => h.trim() === name);
  await expect(cells.nth(await column('Kit'))).toContainText('Kit');
  await expect(cells.nth(await column('Avoided'))).toHaveText('1');
  await expect(cells.nth(await column('Filed since'))).toHaveText('1');
  await expect(after.getByRole('link', { name: /Make a kit/ })).toHaveCount(0);
  await after.scrollIntoViewIfNeeded();
  await screenshot(page, 'kits-hand-back-after');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await after.scrollIntoViewIfNeeded();
  await screenshot(page, 'kits-hand-back-390');
});
