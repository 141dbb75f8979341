import { expect, test } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

test('a marketer classifies a tactical-type request as strategic and is asked why; the CMO sees it in Overrides', async ({
  page,
  browser,
}) => {
  await signIn(page, accounts.marketer);
  // Type 1 is Event banner, which defaults to tactical.
  const filed = await page.request.post('/api/requests', { data: { title: 'Keynote stage visuals for the brand relaunch', typeId: 1 } });
  expect(filed.status()).toBe(201);
  const req = (await filed.json()) as { id: number; key: string };

  await page.goto('/board?q=Keynote stage visuals');
  await page.getByTestId(`card-${req.id}`).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Strategic (S)').click();
  const why = drawer.getByRole('textbox', { name: 'Why strategic?' });
  await expect(why).toBeVisible();
  await expect(drawer.getByText('Event banner requests default to tactical', { exact: false })).toBeVisible();
  // Saving without a reason is refused inline, and nothing is sent.
  await drawer.getByRole('button', { name: 'Save as strategic' }).click();
  await expect(drawer.getByText('Say why this request is not tactical')).toBeVisible();
  expect(await (await page.request.get(`/api/requests/${req.id}`)).json()).toMatchObject({ classificationSuggested: true });
  await screenshot(page, 'overrides-note-asked');
  await why.fill('Opens the brand relaunch keynote, not one event');
  await drawer.getByRole('button', { name: 'Save as strategic' }).click();
  await expect(drawer.getByText('Note: Opens the brand relaunch keynote, not one event')).toBeVisible();
  await expect
    .poll(async () => (await page.request.get(`/api/requests/${req.id}`)).json())
    .toMatchObject({
      classification: 'strategic',
      classificationSuggested: false,
      classificationNote: 'Opens the brand relaunch keynote, not one event',
    });
  expect((await page.request.post(`/api/requests/${req.id}/time-entries`, { data: { minutes: 150 } })).status()).toBe(201);

  const cmoContext = await browser.newContext();
  const cmo = await cmoContext.newPage();
  await signIn(cmo, accounts.lead);
  await cmo.goto('/insights');
  const section = cmo.getByTestId('overrides-section');
  // Insights loads several reports at once; on a busy machine that takes a while.
  await expect(section.getByRole('heading', { name: 'Overrides' })).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId('overrides-total')).toContainText('They move the strategic share by', { timeout: 60_000 });
  const row = section.getByRole('listitem').filter({ hasText: req.key });
  await expect(row).toContainText('Keynote stage visuals for the brand relaunch');
  await expect(row).toContainText('Opens the brand relaunch keynote, not one event');
  await expect(row).toContainText('2.5 h');
  await expect(section.getByRole('table').first()).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await screenshot(cmo, 'insights-overrides');
  await cmo.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  // At phone width the section fits the screen and nothing inside it is cut off or scrolls sideways.
  // Polled: the layout settles a moment after the resize.
  await expect.poll(() => section.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
  await expect.poll(() => section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await section.screenshot({ path: 'test-results/screens/insights-overrides-phone.png' });
  await row.getByRole('link', { name: req.key }).click();
  await expect(cmo).toHaveURL(new RegExp(`/requests/${req.id}$`));
  await cmoContext.close();
});
