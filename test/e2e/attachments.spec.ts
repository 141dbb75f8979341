import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/** No horizontal page scroll (measured once the layout has settled). */
async function expectNoSideScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** Picks `file` in the browser's file chooser that `button` opens. */
async function attach(page: Page, button: ReturnType<Page['getByRole']>, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(file);
}

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );

/**
 * Files end to end: the salesperson attaches a reference file on their request's page; a marketer
 * attaches the finished work as a deliverable from the board's drawer and moves the card to Done;
 * the salesperson finds it under "Delivered" on the request page and downloads it.
 */
test('a salesperson attaches a reference, a marketer delivers a file and finishes, the salesperson downloads it', async ({ browser }) => {
  test.setTimeout(420_000);
  const slow = { timeout: 60_000 };
  const stamp = Date.now().toString(36);
  const title = `Partner webinar slides ${stamp}`;
  const reference = `old-deck-${stamp}.txt`;
  const deliverable = `Webinar slides final ${stamp}.pdf`;

  // Sales files the request (its own data: a unique title) and opens its page.
  const sales = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(sales, accounts.sales);
  const types = (await (await sales.request.get('/api/request-types')).json()) as { items: { id: number }[] };
  const filed = await sales.request.post('/api/requests', { data: { title, typeId: types.items[0]!.id } });
  expect(filed.status()).toBe(201);
  const { id } = (await filed.json()) as { id: number };
  await sales.goto(`/requests/${id}`);
  const files = sales.getByRole('region', { name: 'Files' });
  await expect(files.getByText('No files yet', { exact: false })).toBeVisible(slow);

  // A reference file, attached from the request page: listed with its size, and in the activity.
  await attach(sales, files.getByRole('button', { name: 'Attach file' }), {
    name: reference,
    mimeType: 'text/plain',
    buffer: Buffer.from('Last year: 40 slides, too many.\n'),
  });
  await expect(files.getByRole('link', { name: reference })).toBeVisible(slow);
  await expect(files.getByText('32 bytes', { exact: false })).toBeVisible();
  await expect(files.getByRole('button', { name: `Remove ${reference}` })).toBeVisible();
  await expect(sales.getByText(`attached file ${reference}`)).toBeVisible(slow);
  // A requester cannot mark deliverables.
  await expect(files.getByLabel('Deliverable')).toHaveCount(0);
  await screenshot(sales, 'attachments-request-1440');
  await sales.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(sales);
  await screenshot(sales, 'attachments-request-390');
  await sales.setViewportSize({ width: 1440, height: 900 });

  // The marketer confirms the class (to leave intake), then works from the board's drawer.
  const marketer = await (await browser.newContext()).newPage();
  await signIn(marketer, accounts.marketer);
  const current = (await (await marketer.request.get(`/api/requests/${id}`)).json()) as { version: number };
  const classified = await marketer.request.put(`/api/requests/${id}/classification`, {
    data: { classification: 'tactical', note: 'Slides for an existing webinar', version: current.version },
  });
  expect(classified.status()).toBe(200);
  await marketer.goto(`/board?q=${encodeURIComponent(title)}`);
  await marketer.getByTestId(`card-${id}`).click(slow);
  const drawer = marketer.getByRole('dialog');
  await drawer.getByRole('tab', { name: 'Files' }).click();
  // The salesperson's reference is there; it is theirs, so the marketer cannot remove it.
  await expect(drawer.getByRole('link', { name: reference })).toBeVisible(slow);
  await expect(drawer.getByRole('button', { name: `Remove ${reference}` })).toHaveCount(0);
  await drawer.getByLabel('Deliverable').check();
  await attach(marketer, drawer.getByRole('button', { name: 'Attach file' }), {
    name: deliverable,
    mimeType: 'application/pdf',
    buffer: pdf(stamp),
  });
  const delivered = drawer.getByRole('listitem').filter({ hasText: deliverable });
  await expect(delivered).toBeVisible(slow);
  await expect(delivered.getByText('Deliverable')).toBeVisible();
  await screenshot(marketer, 'attachments-drawer');

  // Finished: the card moves to Done.
  await drawer.getByRole('combobox', { name: 'Column' }).click();
  await marketer.getByRole('option', { name: 'Done', exact: true }).click();
  await expect
    .poll(async () => ((await (await marketer.request.get(`/api/requests/${id}`)).json()) as { status: string }).status, slow)
    .toBe('done');

  // The salesperson: "Delivered" on the request page, and the file downloads with its name and bytes.
  await sales.reload();
  const deliveredSection = sales.getByRole('region', { name: 'Delivered' });
  await expect(deliveredSection.getByRole('link', { name: deliverable })).toBeVisible(slow);
  await expect(deliveredSection.getByText(reference)).toHaveCount(0);
  await screenshot(sales, 'attachments-delivered-1440');
  const download = sales.waitForEvent('download');
  await deliveredSection.getByRole('link', { name: deliverable }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(deliverable);
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    void file.createReadStream().then((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
  expect(bytes.equals(pdf(stamp))).toBe(true);
  await sales.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(sales);
  await screenshot(sales, 'attachments-delivered-390');
});
