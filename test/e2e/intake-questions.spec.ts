import { expect, test, type Page } from '@playwright/test';
import { accounts, fillRequestTitle, screenshot, signIn } from './support';

/** No horizontal page scroll at the current width. */
const fitsWidth = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);

test('a lead adds a required question to a type; a salesperson is asked it, cannot file without it, and sees the answer', async ({
  page,
  browser,
}) => {
  // Two browsers, a modal at two widths and a form at two: longer than the default bound.
  test.setTimeout(420_000);
  // Unique names: the e2e database is shared by every spec in a run.
  const stamp = Date.now().toString(36);
  const typeName = `Trade fair kit ${stamp}`;
  const title = `Kit for the Hamburg fair ${stamp}`;

  // The lead adds the type, then gives it its questions in the same modal's questions editor.
  await signIn(page, accounts.lead);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Request types' }).click();
  await page.getByRole('button', { name: 'Add request type' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add request type' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(typeName);
  await dialog.getByRole('button', { name: 'Add type' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `Edit ${typeName}` }).click();
  dialog = page.getByRole('dialog', { name: 'Edit request type' });
  const questions = dialog.getByTestId('intake-question');
  // A question added and removed again leaves nothing behind.
  await dialog.getByRole('button', { name: 'Add question' }).click();
  await questions.nth(0).getByRole('textbox', { name: 'Question' }).fill('Throwaway');
  await questions.nth(0).getByRole('button', { name: 'Remove question' }).click();
  await expect(questions).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Add question' }).click();
  const stand = questions.nth(0);
  await stand.getByRole('textbox', { name: 'Question' }).fill('Stand number');
  await stand.getByRole('checkbox', { name: 'Required' }).check();
  await stand.getByRole('textbox', { name: 'Help text' }).fill('As on the organiser’s floor plan.');
  // The key is derived from the question and shown, read-only.
  await expect(stand).toContainText('Key: stand_number');

  await dialog.getByRole('button', { name: 'Add question' }).click();
  const format = questions.nth(1);
  await format.getByRole('textbox', { name: 'Question' }).fill('Print format');
  await format.getByRole('combobox', { name: 'Answer type' }).click();
  await page.getByRole('option', { name: 'Choice', exact: true }).click();
  await format.getByRole('textbox', { name: 'Options (one per line)' }).fill('A1 poster\nRoll-up');
  // Order matters on the form: the format first.
  await format.getByRole('button', { name: 'Move up' }).click();
  await expect(questions.nth(0).getByRole('textbox', { name: 'Question' })).toHaveValue('Print format');

  await fitsWidth(page);
  await screenshot(page, 'intake-questions-modal-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(page);
  await screenshot(page, 'intake-questions-modal-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  // Saved: the modal closes (its notification may have gone again on a slow machine).
  await expect(dialog).toBeHidden();

  // The salesperson picks the type and is asked its questions below the brief.
  const context = await browser.newContext();
  const sales = await context.newPage();
  await signIn(sales, accounts.sales);
  await sales.goto('/requests/new');
  await sales.getByRole('combobox', { name: 'Type' }).click();
  await sales.getByRole('option', { name: new RegExp(typeName) }).click();
  const standInput = sales.getByRole('textbox', { name: 'Stand number' });
  await expect(standInput).toBeVisible();
  await expect(standInput).toHaveAttribute('required', '');
  await expect(sales.getByText('As on the organiser’s floor plan.')).toBeVisible();
  await fillRequestTitle(sales, title);
  await sales.getByRole('textbox', { name: 'Brief' }).fill('Two posters and a roll-up for our stand.');

  // Filing without the required answer: the error sits on that field, and nothing is filed.
  await sales.getByRole('button', { name: 'Submit request' }).click();
  await expect(standInput).toHaveAttribute('aria-invalid', 'true');
  await expect(sales.getByText('Is required')).toBeVisible();
  await expect(sales).toHaveURL(/\/requests\/new/);
  await fitsWidth(sales);
  await screenshot(sales, 'intake-questions-form-1440');
  await sales.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(sales);
  await screenshot(sales, 'intake-questions-form-390');
  await sales.setViewportSize({ width: 1440, height: 900 });

  await standInput.fill('Hall 4, B12');
  await sales.getByRole('combobox', { name: 'Print format' }).click();
  await sales.getByRole('option', { name: 'Roll-up' }).click();
  await sales.getByRole('button', { name: 'Submit request' }).click();

  // The request page shows the answers, "Label: value", in the type's order.
  await expect(sales.getByRole('heading', { name: title })).toBeVisible();
  const answers = sales.getByRole('list', { name: 'Answers' });
  await expect(answers.getByRole('listitem')).toHaveText(['Print format: Roll-up', 'Stand number: Hall 4, B12']);
  await screenshot(sales, 'intake-questions-request-page');
  await context.close();
});
