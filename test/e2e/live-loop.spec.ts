import { expect, test } from '@playwright/test';
import { accounts, fillRequestTitle, screenshot, signIn } from './support';

test('the whole loop, live: a request filed by sales is triaged and worked by marketing while sales watches', async ({ browser }) => {
  const salesContext = await browser.newContext();
  const marketingContext = await browser.newContext();
  const sales = await salesContext.newPage();
  const marketer = await marketingContext.newPage();
  const title = `Live loop banner ${Date.now()}`;

  await signIn(marketer, accounts.marketer);
  await marketer.goto('/board?q=Live loop banner');
  await expect(marketer.getByTestId('column-intake')).toBeVisible();

  // Sales files the request through the form.
  await signIn(sales, accounts.sales);
  await sales.goto('/requests/new');
  await sales.getByRole('combobox', { name: 'Type' }).click();
  await sales.getByRole('option', { name: /Event banner/ }).click();
  await fillRequestTitle(sales, title);
  await sales.getByRole('button', { name: 'Submit request' }).click();
  await expect(sales.getByRole('heading', { name: title })).toBeVisible();
  const id = Number(new URL(sales.url()).pathname.split('/').pop());

  // It appears on the marketer's board without a reload.
  const card = marketer.getByTestId(`card-${id}`);
  await expect(marketer.getByTestId('column-intake').getByTestId(`card-${id}`)).toBeVisible({ timeout: 10_000 });

  // Sales keeps My requests open.
  await sales.goto('/requests');
  const row = sales.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Intake');

  // The marketer classifies it with one key, then drags it to Planned with the mouse.
  await marketer.getByRole('button', { name: new RegExp(`MKT-${id} ${title}`) }).focus();
  await marketer.keyboard.press('t');
  await expect(card.getByText('Tactical', { exact: true })).toBeVisible();
  const from = (await card.boundingBox())!;
  const to = (await marketer.getByTestId('column-planned').boundingBox())!;
  await marketer.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await marketer.mouse.down();
  await marketer.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await marketer.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await marketer.mouse.up();
  await expect(marketer.getByTestId('column-planned').getByTestId(`card-${id}`)).toBeVisible();
  await expect(row).toContainText('Planned', { timeout: 10_000 });

  // Then to In progress with the keyboard.
  const live = marketer.locator('[aria-live="assertive"]');
  await marketer.getByRole('button', { name: new RegExp(`MKT-${id} ${title}`) }).focus();
  await marketer.keyboard.press('Space');
  await expect(live).toContainText(/over (the )?Planned/);
  await marketer.waitForTimeout(300);
  await marketer.keyboard.press('ArrowRight');
  await expect(live).toContainText(/over (the )?In progress/);
  await marketer.keyboard.press('Space');
  await expect(marketer.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();

  // A colleague's board, open in another tab, is watching too.
  const colleague = await marketingContext.newPage();
  await colleague.goto('/board?q=Live loop banner');
  const theirCard = colleague.getByTestId(`card-${id}`);
  await expect(theirCard).toBeVisible();
  await expect(theirCard).not.toContainText('30m');

  // Logs 30 minutes in the drawer.
  await card.click();
  const drawer = marketer.getByRole('dialog');
  await drawer.getByRole('tab', { name: 'Time' }).click();
  await drawer.getByRole('button', { name: '+30m' }).click();
  await expect(drawer.getByText('30m logged in 1 entry')).toBeVisible();
  await screenshot(marketer, 'live-loop-marketer');
  // The colleague's card shows the logged time without a reload.
  await expect(theirCard).toContainText('30m', { timeout: 10_000 });

  // Sales sees the new status without reloading.
  await expect(row).toContainText('In progress', { timeout: 10_000 });
  await screenshot(sales, 'live-loop-requester');
  await salesContext.close();
  await marketingContext.close();
});
