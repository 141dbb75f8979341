import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

async function fileRequest(page: Page, title: string) {
  const res = await page.request.post('/api/requests', { data: { title, typeId: 1 } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; key: string };
}

test('a marketer corrects a mis-clicked "+2h" to 1h 15m, deletes another entry, and the totals follow', async ({ page }) => {
  await signIn(page, accounts.marketer);
  const title = `Correction banner ${Date.now()}`;
  const req = await fileRequest(page, title);
  await page.goto(`/board?q=${encodeURIComponent(title)}`);
  const card = page.getByTestId(`card-${req.id}`);
  await card.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('tab', { name: 'Time' }).click();

  // Two quick entries, one of them the mis-click.
  await drawer.getByRole('button', { name: '+30m' }).click();
  await expect(drawer.getByText('30m logged in 1 entry')).toBeVisible();
  await drawer.getByRole('button', { name: '+2h' }).click();
  await expect(drawer.getByText('2h 30m logged in 2 entries')).toBeVisible();

  // Edit in place: the same duration parser and preview as logging.
  await drawer.getByRole('button', { name: /^Edit 2h on / }).click();
  const editor = drawer.getByRole('form', { name: /^Correct 2h on / });
  await expect(editor.getByText(/You can correct your entry until/)).toBeVisible();
  const spent = editor.getByLabel('Time spent');
  await expect(spent).toHaveValue('2h');
  await spent.fill('1h15');
  await expect(editor.getByText('write it as 1h 15m, 1:15, 1.25h or 75m')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  await spent.fill('1h 15m');
  await expect(editor.getByText('= 1h 15m')).toBeVisible();
  await editor.getByLabel('Note').fill('Was a mis-click on +2h');
  await screenshot(page, 'time-correction-desktop');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('1h 45m logged in 2 entries')).toBeVisible();
  await expect(drawer.getByText('Was a mis-click on +2h')).toBeVisible();

  // Delete the other one, after a confirmation.
  await drawer.getByRole('button', { name: /^Delete 30m on / }).click();
  await drawer.getByRole('button', { name: /^Confirm delete 30m on / }).click();
  await expect(drawer.getByText('1h 15m logged in 1 entry')).toBeVisible();
  await expect(card).toContainText('1h 15m logged');
  expect((await (await page.request.get(`/api/requests/${req.id}`)).json()).loggedMinutes).toBe(75);

  // The history says what was corrected and deleted.
  await drawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(drawer.getByText(/corrected logged time from 2h on \d{4}-\d\d-\d\d to 1h 15m on \d{4}-\d\d-\d\d/)).toBeVisible();
  await expect(drawer.getByText(/deleted logged time \(30m on \d{4}-\d\d-\d\d\)/)).toBeVisible();
});

test('a correction made stale by someone else is not saved: the person is told, and the list shows the entry as it is now', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, accounts.marketer);
  const title = `Stale correction ${Date.now()}`;
  const req = await fileRequest(page, title);
  const entry = (await (await page.request.post(`/api/requests/${req.id}/time-entries`, { data: { minutes: 60 } })).json()) as {
    id: number;
  };
  await page.goto(`/board?q=${encodeURIComponent(title)}&card=${req.id}`);
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('tab', { name: 'Time' }).click();
  await drawer.getByRole('button', { name: /^Edit 1h on / }).click();
  const editor = drawer.getByRole('form', { name: /^Correct 1h on / });
  await editor.getByLabel('Time spent').fill('45m');
  await editor.getByRole('button', { name: 'Save' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'time-correction-phone');
  // Meanwhile the same entry is corrected elsewhere (another tab, or a lead).
  expect((await page.request.patch(`/api/time-entries/${entry.id}`, { data: { minutes: 90, version: 1 } })).status()).toBe(200);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Someone else changed this entry meanwhile: it now reads 1h 30m on/)).toBeVisible();
  await expect(drawer.getByText('1h 30m logged in 1 entry')).toBeVisible();
  await screenshot(page, 'time-correction-phone-stale');
  // The notice goes by itself after a few seconds (a pointer resting on it keeps it, as Mantine does).
  await page.mouse.move(10, 10);
  await expect(page.getByText(/Someone else changed this entry meanwhile/)).toBeHidden({ timeout: 15_000 });
  // Nothing at phone width is cut off: the row's actions stay inside the drawer.
  const remove = drawer.getByRole('button', { name: /^Delete 1h 30m on / });
  await remove.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const box = (await remove.boundingBox())!;
      return box.x + box.width;
    })
    .toBeLessThanOrEqual(390);
  await remove.click();
  await expect(drawer.getByRole('button', { name: /^Confirm delete 1h 30m on / })).toBeVisible();
  await screenshot(page, 'time-log-phone-confirm');
});
