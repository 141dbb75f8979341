import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'altitude-demo';
export const accounts = {
  lead: 'cmo@example.com',
  marketer: 'marketer@example.com',
  sales: 'sales@example.com',
  product: 'product@example.com',
  exec: 'exec@example.com',
} as const;

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
}

/**
 * Types a new request's title, then waits for the similar-requests lookup that title starts. Its
 * answer may draw a box under the title that moves the rest of the form down: a person sees it
 * appear before aiming at Submit, while a click aimed a moment earlier lands where the button was.
 */
export async function fillRequestTitle(page: Page, title: string) {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/requests/similar' && url.searchParams.get('q') === title.trim();
  });
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await answered;
}

/** Saves a screenshot under test-results/screens for a human to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage: true });
}

export const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link');

/** Rows of an RFC 4180 CSV file (quoted cells, doubled quotes, line breaks inside quotes), as a spreadsheet reads it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') endRow();
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

/**
 * Boxes that scroll sideways inside the page at the current width: each as a short description
 * (tag, class, label and how far it overflows). A phone user should never have to swipe inside a
 * box to read a row. One kind of box may: a strip of choices that is nothing but one radio group
 * (the phone board's column switcher, the timesheet's day switcher), where sliding the strip to
 * reach a choice is the expected gesture and each choice is its own Tab stop anyway.
 */
export function sidewaysInside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const { overflowX } = getComputedStyle(el);
      if (overflowX !== 'auto' && overflowX !== 'scroll') continue;
      if (el.scrollWidth - el.clientWidth <= 1 || el.clientWidth === 0) continue;
      if (el.childElementCount === 1 && el.firstElementChild?.getAttribute('role') === 'radiogroup') continue;
      const name = el.getAttribute('aria-label') ?? el.querySelector('[aria-label], th, h2, h3')?.textContent ?? '';
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 2).join('.') : '';
      found.push(
        `<${el.tagName.toLowerCase()}${cls ? ` .${cls}` : ''}> "${name.slice(0, 40)}" ${el.scrollWidth} px in ${el.clientWidth} px`,
      );
    }
    return found;
  });
}
