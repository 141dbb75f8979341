import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/** No horizontal page scroll (measured once the layout has settled). */
async function expectNoSideScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** A date `days` from today, as the API takes it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface ReserveReport {
  items: { label: string; count: number; reserveMinutes: number }[];
}

/**
 * The trade-off at triage end to end: the lead gives a new marketer a strategic reserve (30 of
 * their 40 hours); a marketer assigns them a 40-hour tactical request for Sales due within ten
 * days, sees how much of the reserve it takes, and accepts anyway; the CMO sees the override
 * counted for Sales in Insights.
 */
test('a marketer sees the reserve a tactical assignment takes, accepts anyway, and Insights counts it', async ({ browser }) => {
  test.setTimeout(420_000);
  const slow = { timeout: 60_000 };
  const stamp = Date.now().toString(36);
  const firstName = `Robin${stamp}`;
  const title = `Trade-show stand graphics ${stamp}`;

  // The lead: a new marketer with a 30 h weekly reserve (their weeks hold no other work).
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const departments = (await (await lead.request.get('/api/departments')).json()) as { items: { id: number; name: string }[] };
  const marketing = departments.items.find((d) => d.name === 'Marketing')!;
  const created = await lead.request.post('/api/users', {
    data: {
      email: `robin-${stamp}@example.com`,
      name: `${firstName} Reserve`,
      role: 'marketer',
      departmentId: marketing.id,
      password: 'a long enough passphrase',
    },
  });
  expect(created.status()).toBe(201);
  const robin = (await created.json()) as { id: number };
  expect((await lead.request.patch(`/api/users/${robin.id}`, { data: { strategicReserveMinutes: 30 * 60 } })).status()).toBe(200);
  const readReport = async () => (await (await lead.request.get('/api/reports/reserve-overrides')).json()) as ReserveReport;
  const salesBefore = (await readReport()).items.find((i) => i.label === 'Sales')?.count ?? 0;

  // Sales files the request; the marketer confirms it tactical and estimates it (its own data).
  const sales = await (await browser.newContext()).newPage();
  await signIn(sales, accounts.sales);
  const types = (await (await sales.request.get('/api/request-types')).json()) as {
    items: { id: number; defaultClassification: string }[];
  };
  const tacticalType = types.items.find((t) => t.defaultClassification === 'tactical')!;
  const filed = await sales.request.post('/api/requests', { data: { title, typeId: tacticalType.id } });
  expect(filed.status()).toBe(201);
  const { id } = (await filed.json()) as { id: number };

  const marketer = await (await browser.newContext()).newPage();
  await signIn(marketer, accounts.marketer);
  const read = async () => (await (await marketer.request.get(`/api/requests/${id}`)).json()) as { version: number };
  expect(
    (
      await marketer.request.put(`/api/requests/${id}/classification`, {
        data: { classification: 'tactical', version: (await read()).version },
      })
    ).status(),
  ).toBe(200);
  const planned = await marketer.request.patch(`/api/requests/${id}`, {
    data: { version: (await read()).version, estimateMinutes: 40 * 60, plannedFor: inDays(9) },
  });
  expect(planned.status()).toBe(200);

  // The marketer assigns Robin in the drawer: the warning names the hours and Robin's reserve.
  await marketer.goto(`/board?q=${encodeURIComponent(title)}`);
  await marketer.getByTestId(`card-${id}`).click(slow);
  const drawer = marketer.getByRole('dialog');
  await drawer.getByRole('combobox', { name: 'Assignee' }).click();
  await marketer.getByRole('option', { name: `${firstName} Reserve` }).click();
  const alert = drawer.getByRole('alert').filter({ hasText: 'Takes strategic reserve' });
  await expect(alert).toBeVisible(slow);
  await expect(alert).toContainText(
    new RegExp(`\\d+h( \\d+m)? of tactical work in the week of \\d{1,2} \\w{3} takes \\d+h( \\d+m)? of ${firstName}'s strategic reserve`),
  );
  await expect(alert.getByRole('button', { name: 'Hand back' })).toBeVisible();
  await screenshot(marketer, 'trade-off-warning');

  await alert.getByRole('button', { name: 'Accept anyway' }).click();
  await expect(drawer.getByText(new RegExp(`Accepted: takes \\d+h( \\d+m)? of ${firstName}'s reserve`))).toBeVisible(slow);
  await screenshot(marketer, 'trade-off-accepted');

  // At phone width the drawer still fits.
  await marketer.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(marketer);

  // The CMO: Insights counts the override for Sales.
  await lead.goto('/insights');
  const section = lead.getByTestId('reserve-overrides-section');
  await expect(section.getByRole('heading', { name: 'Reserve overrides' })).toBeVisible(slow);
  const row = section.getByRole('row').filter({ hasText: 'Sales' });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(salesBefore + 1), slow);
  await section.scrollIntoViewIfNeeded();
  await screenshot(lead, 'trade-off-insights');
  await lead.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(lead);
});
