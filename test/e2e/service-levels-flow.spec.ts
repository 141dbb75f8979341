import { expect, test } from '@playwright/test';
import { accounts, fillRequestTitle, screenshot, signIn } from './support';

/**
 * Issue 12 end to end, each step as the person doing it would: the lead adds a question to a
 * request type; a salesperson files with it, warned of a rush; a marketer asks for more
 * information and the clock pauses; the salesperson answers and it resumes; the CMO reads
 * service levels.
 */
test('a question added by the lead, a rush filed by sales, a needs-info round that pauses the clock, and service levels for the CMO', async ({
  browser,
}) => {
  // Three people in three browsers, nine screens: longer than one screen's test may take.
  test.setTimeout(420_000);
  const stamp = Date.now().toString(36);
  const typeName = `Partner one-pager ${stamp}`;
  const title = `One-pager for the Aveiro reseller ${stamp}`;

  // The lead: a new type with a 5-business-day turnaround, then a required question on it, in Settings.
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const created = await lead.request.post('/api/request-types', {
    data: { name: typeName, turnaroundDays: 5, defaultClassification: 'tactical', description: 'A single-page partner sheet.' },
  });
  expect(created.status()).toBe(201);
  await lead.goto('/settings');
  await lead.getByRole('tab', { name: 'Request types' }).click();
  await lead
    .getByRole('row', { name: new RegExp(typeName) })
    .getByRole('button')
    .first()
    .click();
  const modal = lead.getByRole('dialog');
  await modal.getByRole('button', { name: 'Add question' }).click();
  await modal.getByRole('textbox', { name: 'Question', exact: true }).fill('Partner tier');
  await modal.getByRole('checkbox', { name: 'Required' }).check();
  await screenshot(lead, 'sl-flow-question-editor');
  await modal.getByRole('button', { name: /^Save/ }).click();
  await expect(modal).toBeHidden();
  const types = (await (await lead.request.get('/api/request-types')).json()) as {
    items: { id: number; name: string; fields: { key: string; label: string; required: boolean }[] }[];
  };
  const type = types.items.find((t) => t.name === typeName)!;
  expect(type.fields).toEqual([expect.objectContaining({ label: 'Partner tier', required: true, kind: 'text' })]);

  // Sales files it needed tomorrow: a rush, said before filing; the question is asked and required.
  const sales = await (await browser.newContext()).newPage();
  await signIn(sales, accounts.sales);
  await sales.goto('/requests/new');
  await sales.getByRole('combobox', { name: 'Type' }).click();
  await sales.getByRole('option', { name: new RegExp(typeName) }).click();
  await expect(sales.getByText(/^Expected by \w{3} \d{1,2} \w{3}/)).toBeVisible();
  await fillRequestTitle(sales, title);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await sales.getByLabel('Needed by').fill(tomorrow);
  await expect(sales.getByText('This is a rush')).toBeVisible();
  await sales.getByRole('button', { name: 'Submit request' }).click();
  const tier = sales.getByLabel('Partner tier');
  await expect(tier).toHaveAttribute('aria-invalid', 'true');
  await tier.fill('Gold');
  await screenshot(sales, 'sl-flow-new-request-rush');
  await sales.getByRole('button', { name: 'Submit request' }).click();
  await expect(sales.getByRole('heading', { name: title })).toBeVisible();
  await expect(sales.getByText('Gold')).toBeVisible();
  const id = Number(/\/requests\/(\d+)/.exec(sales.url())![1]);
  const read = async () =>
    (await (await sales.request.get(`/api/requests/${id}`)).json()) as {
      rush: boolean;
      slaState: string;
      waitingOn: string | null;
      needsInfoRounds: number;
      fields: Record<string, unknown>;
    };
  expect(await read()).toMatchObject({ rush: true, waitingOn: null, needsInfoRounds: 0 });

  // The marketer asks for information from the drawer: the request now waits on the requester, clock paused.
  const marketer = await (await browser.newContext()).newPage();
  await signIn(marketer, accounts.marketer);
  await marketer.goto(`/board?q=${encodeURIComponent(title)}`);
  await marketer.getByTestId(`card-${id}`).click();
  const drawer = marketer.getByRole('dialog');
  await drawer.getByRole('button', { name: 'Ask the requester' }).click();
  await drawer.getByLabel('Question for the requester').fill('Which regions does the reseller cover?');
  await drawer.getByRole('button', { name: 'Send question' }).click();
  await expect(drawer.getByText(/Waiting on /)).toBeVisible();
  await expect.poll(async () => (await read()).slaState).toBe('paused');
  expect(await read()).toMatchObject({ waitingOn: 'requester', needsInfoRounds: 1 });

  // Sales answers on the request page; the clock resumes.
  await sales.reload();
  const ask = sales.getByRole('region', { name: 'Marketing needs information' });
  await expect(ask.getByText('Which regions does the reseller cover?')).toBeVisible();
  await sales.getByLabel('Your answer').fill('Portugal and Galicia.');
  await screenshot(sales, 'sl-flow-needs-info');
  await sales.getByRole('button', { name: 'Send answer' }).click();
  await expect.poll(async () => (await read()).waitingOn).toBeNull();
  expect((await read()).slaState).not.toBe('paused');

  // The CMO reads service levels, by type and by department.
  await lead.goto('/insights');
  const serviceLevels = lead.getByTestId('service-levels');
  await expect(serviceLevels.getByRole('heading', { name: 'Service levels' })).toBeVisible({ timeout: 60_000 });
  await serviceLevels.getByText('By department', { exact: true }).click();
  await expect(serviceLevels.getByRole('columnheader', { name: 'Rushes' })).toBeVisible();
  await expect(serviceLevels.getByRole('row', { name: /Sales/ })).toBeVisible();
  await screenshot(lead, 'sl-flow-insights');
});
