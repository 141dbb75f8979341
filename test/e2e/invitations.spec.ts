import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

/** No horizontal page scroll (measured once the layout has settled). */
async function expectNoSideScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** The lead invites through Settings → People and returns the email used. */
async function inviteThroughSettings(lead: Page, label: string) {
  const email = `${label}-${Date.now().toString(36)}@example.com`;
  await lead.goto('/settings?tab=people');
  await lead.getByRole('button', { name: 'Invite person' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Invite person by email' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Robin ${label}`);
  await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await dialog.getByRole('combobox', { name: 'Department' }).click();
  await lead.getByRole('option', { name: 'Sales' }).click();
  await dialog.getByRole('checkbox', { name: /May read Insights/ }).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  return email;
}

test('a lead invites by link; the person chooses a password and lands signed in; the used link says so', async ({ browser }) => {
  test.setTimeout(300_000);
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const email = await inviteThroughSettings(lead, 'invitee');

  const pending = lead.getByRole('table').filter({ has: lead.getByRole('columnheader', { name: 'Link works until' }) });
  await expect(pending.getByRole('row').filter({ hasText: email })).toHaveCount(1);
  await screenshot(lead, 'invitations-people-1440');

  // No SMTP server in the demo: the invitation is kept in the outbox, where the lead reads its link.
  await lead.goto('/settings?tab=outbox');
  const row = lead.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await row.getByRole('button', { name: 'You are invited to Altitude' }).click();
  const message = lead.getByRole('dialog', { name: 'You are invited to Altitude' });
  const body = (await message.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/invitations\/accept\?token=[\w-]+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  await lead.keyboard.press('Escape');

  // The lead's screens at phone width.
  await lead.setViewportSize({ width: 390, height: 844 });
  await lead.goto('/settings?tab=people');
  await expect(lead.getByRole('heading', { name: 'Pending invitations' })).toBeVisible();
  await expectNoSideScroll(lead);
  await screenshot(lead, 'invitations-people-390');

  // The invitee, in a browser of their own: first at desktop width, then on a phone.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link!);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Join Altitude as Robin invitee' })).toBeVisible();
  await expect(invitee.getByText('At least 8 characters; not one of the most common passwords.')).toBeVisible();
  await screenshot(invitee, 'invitations-accept-1440');
  await invitee.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(invitee);
  await screenshot(invitee, 'invitations-accept-390');

  // A common password is refused by the server's policy, under the field.
  await invitee.getByRole('textbox', { name: 'New password', exact: true }).fill('password123');
  await invitee.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('password123');
  await invitee.getByRole('button', { name: 'Join Altitude' }).click();
  await expect(invitee.getByText(/Password is one of the most common passwords/)).toBeVisible({ timeout: 60_000 });

  await invitee.getByRole('textbox', { name: 'New password', exact: true }).fill('robin chooses 1');
  await invitee.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('robin chooses 1');
  await invitee.getByRole('button', { name: 'Join Altitude' }).click();
  // Signed in, on a requester's home screen.
  await expect(invitee.getByRole('button', { name: 'Account menu' })).toBeVisible({ timeout: 60_000 });
  await expect(invitee).toHaveURL(/\/requests$/);
  await expect(invitee.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();

  // The link is spent: opening it again says so.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link!);
  await expect(again.getByRole('alert', { name: 'The link has expired or was already used' })).toBeVisible();
  await screenshot(again, 'invitations-used-link');

  // Accepted invitations leave the pending list; the person is in the directory (one row: not both).
  // Back at desk width, where People is a table (a phone shows it as cards).
  await lead.setViewportSize({ width: 1440, height: 900 });
  await lead.reload();
  await expect(lead.getByRole('switch', { name: `Robin invitee is active` })).toBeVisible();
  await expect(lead.getByRole('row').filter({ hasText: email })).toHaveCount(1);
});

test('a lead revokes a pending invitation and its link stops working', async ({ browser }) => {
  test.setTimeout(300_000);
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const email = await inviteThroughSettings(lead, 'revoked');
  const created = (await (await lead.request.get('/api/invitations')).json()) as { items: { email: string }[] };
  expect(created.items.map((i) => i.email)).toContain(email);

  const row = lead.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: /Revoke/ }).click();
  await lead.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(lead.getByRole('row').filter({ hasText: email })).toHaveCount(0, { timeout: 60_000 });
  const after = (await (await lead.request.get('/api/invitations')).json()) as { items: { email: string }[] };
  expect(after.items.map((i) => i.email)).not.toContain(email);
});
