import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts, demoPassword, sidewaysInside, signIn } from './support';

// WCAG 2.2 AA as axe knows it; anything serious or critical fails the screen.
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const widths = [1440, 390] as const;
const shotsDir = '/tmp/shots-a11y';

interface Screen {
  name: string;
  path: string;
  /** The document title the screen sets ("Board · Altitude"). */
  title: string | RegExp;
  /** What must be on screen before it is checked (beyond its h1). */
  ready?: (page: Page) => Promise<void>;
}

type Role = 'lead' | 'marketer' | 'sales' | 'exec';
const shot = new Set<Role>(['lead', 'sales']);

/** Every setting tab the lead can open, by its `?tab=` value. */
const settingsTabs = ['target', 'request-types', 'departments', 'workflow', 'people', 'working-time', 'initiatives', 'company', 'outbox'];

function screensFor(role: Role, request: { id: number; key: string; title: string }): Screen[] {
  const requester: Screen[] = [
    { name: 'new-request', path: '/requests/new', title: 'New request · Altitude' },
    {
      name: 'my-requests',
      path: '/requests',
      title: 'My requests · Altitude',
      ready: (p) => expect(p.getByText(request.key).first()).toBeVisible(),
    },
    {
      name: 'request-page',
      path: `/requests/${request.id}`,
      title: `${request.key} ${request.title} · Altitude`,
      ready: (p) => expect(p.getByRole('heading', { name: request.title })).toBeVisible(),
    },
  ];
  const marketer: Screen[] = [
    { name: 'board', path: '/board', title: 'Board · Altitude', ready: (p) => expect(p.getByTestId('column-intake')).toBeVisible() },
    {
      // The `?` key's list of keyboard shortcuts, laid over the board.
      name: 'board-shortcuts',
      path: '/board',
      title: 'Board · Altitude',
      ready: async (p) => {
        await expect(p.getByTestId('column-intake')).toBeVisible();
        await p.keyboard.press('?');
        await expect(p.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      },
    },
    {
      name: 'board-drawer',
      path: `/board?card=${request.id}`,
      title: 'Board · Altitude',
      ready: (p) => expect(p.getByRole('dialog', { name: `${request.key} ${request.title}` })).toBeVisible(),
    },
    { name: 'timesheet', path: '/timesheet', title: 'Timesheet · Altitude' },
    {
      name: 'capacity',
      path: '/capacity',
      title: 'Capacity · Altitude',
      ready: (p) => expect(p.locator('[data-testid=capacity-person]:visible').first()).toBeVisible(),
    },
  ];
  const insights: Screen[] = [
    {
      name: 'insights',
      path: '/insights',
      title: 'Insights · Altitude',
      ready: (p) => expect(p.getByText('Strategic share').first()).toBeVisible(),
    },
  ];
  // Every role has a bell: its full list and the per-kind settings.
  const personal: Screen[] = [
    {
      name: 'notifications',
      path: '/notifications',
      title: 'Notifications · Altitude',
      ready: (p) => expect(p.getByRole('list', { name: 'Notifications' }).or(p.getByText(/No notifications yet/))).toBeVisible(),
    },
    {
      name: 'notification-settings',
      path: '/account/notifications',
      title: 'Notification settings · Altitude',
      ready: (p) => expect(p.getByRole('radiogroup', { name: 'Mentioned' })).toBeVisible(),
    },
  ];
  const settings: Screen[] = settingsTabs.map((tab) => ({
    name: `settings-${tab}`,
    path: `/settings?tab=${tab}`,
    title: 'Settings · Altitude',
    ready: (p) => expect(p.getByRole('tab', { selected: true })).toBeVisible(),
  }));
  switch (role) {
    case 'lead':
      return [...marketer, ...requester, ...insights, ...settings, ...personal];
    case 'marketer':
      return [...marketer, ...requester, ...personal];
    case 'exec':
      return [...requester, ...insights, ...personal];
    case 'sales':
      return [...requester, ...personal];
  }
}

/** Waits until nothing loads and no transition runs, so axe sees the screen as a person does. */
async function settle(page: Page) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
}

/** Axe's serious and critical findings, one readable line per element. */
async function violations(page: Page) {
  // Only violations are reported back: serialising every passing node doubles the time on a long board.
  const results = await new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `[${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
      ),
    );
}

async function pageOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function check(page: Page, label: string, width: number, screen: Pick<Screen, 'title'>, screenshotAs?: string) {
  await expect(page, `${label}: document title`).toHaveTitle(screen.title);
  await expect(page.locator('h1'), `${label}: one h1`).toHaveCount(1);
  await settle(page);
  if (width < 500) {
    await expect.poll(() => pageOverflow(page), { message: `${label}: no horizontal page scroll` }).toBeLessThanOrEqual(0);
    // Nor a box that scrolls sideways inside the page: wide tables stack into cards on a phone.
    expect.soft(await sidewaysInside(page), `${label}: boxes scrolling sideways inside the page`).toEqual([]);
  }
  if (screenshotAs) await page.screenshot({ path: `${shotsDir}/${screenshotAs}.png`, fullPage: true });
  const found = await violations(page);
  expect.soft(found, `${label}: serious or critical axe violations\n${found.join('\n')}`).toEqual([]);
}

for (const role of ['lead', 'marketer', 'sales', 'exec'] as const) {
  for (const width of widths) {
    test(`every screen the ${role} reaches passes axe (WCAG 2.2 AA) at ${width} px`, async ({ page }) => {
      // Axe reads the whole page on every screen: slow on a busy two-core machine, so a long bound.
      test.setTimeout(900_000);
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      await signIn(page, accounts[role]);
      const title = `Accessible ${role} request ${width} ${Date.now()}`;
      const filed = await page.request.post('/api/requests', {
        data: { title, typeId: 1, brief: 'A **brief** with a [link](https://example.com).' },
      });
      expect(filed.status()).toBe(201);
      const request = { ...((await filed.json()) as { id: number; key: string }), title };

      for (const screen of screensFor(role, request)) {
        await page.goto(screen.path);
        await expect(page.locator('h1').first()).toBeVisible({ timeout: 60_000 });
        await screen.ready?.(page);
        const name = `${role}-${screen.name}-${width}`;
        await check(page, name, width, screen, shot.has(role) && width < 500 ? name : undefined);
      }
    });
  }
}

test('the sign-in page passes axe and fits a phone', async ({ page }) => {
  test.setTimeout(300_000);
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await check(page, `sign-in-${width}`, width, { title: 'Sign in · Altitude' }, width < 500 ? 'sign-in-390' : undefined);
  }
});

test('the unsubscribe pages (no sign-in, server-rendered) pass axe at both widths', async ({ page }) => {
  test.setTimeout(300_000);
  // The demo's outbox holds a weekly brief with a signed link (PUBLIC_URL unset: take its path).
  // Signed in through the API: this test needs no screen of the web app.
  await page.request.post('/api/auth/login', { data: { email: accounts.lead, password: demoPassword } });
  const outbox = (await (await page.request.get('/api/outbox?limit=100')).json()) as { items: { kind: string; text: string }[] };
  const brief = outbox.items.find((m) => m.kind === 'weekly_brief')!;
  const link = /\/unsubscribe\?\S+/.exec(brief.text)![0];
  await page.context().clearCookies();
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.goto(link);
    await check(page, `unsubscribe at ${width}`, width, { title: 'Unsubscribe · Altitude' }, `unsubscribe-${width}`);
    await page.goto(link.replace(/sig=.{4}/, 'sig=AAAA'));
    await check(
      page,
      `bad unsubscribe link at ${width}`,
      width,
      { title: 'This link does not work · Altitude' },
      `unsubscribe-bad-${width}`,
    );
  }
  await page.goto(link);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByText('You will no longer get the weekly CMO brief by email.')).toBeVisible();
  await check(page, 'unsubscribed at 390', 390, { title: 'Unsubscribed · Altitude' }, 'unsubscribed-390');
});

test('the invitation page, live and spent, passes axe and fits a phone', async ({ browser, page }) => {
  test.setTimeout(300_000);
  // A lead invites through the API; without a mail server the answer carries the link.
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, accounts.lead);
  const departments = (await (await lead.request.get('/api/departments')).json()) as { items: { id: number }[] };
  const res = await lead.request.post('/api/invitations', {
    data: {
      email: `axe-${Date.now().toString(36)}@example.com`,
      name: 'Axe Invitee',
      role: 'requester',
      departmentId: departments.items[0]!.id,
    },
  });
  expect(res.status()).toBe(201);
  const { link } = (await res.json()) as { link: string };
  const path = new URL(link).pathname + new URL(link).search;
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.goto(path);
    await expect(page.getByRole('button', { name: 'Join Altitude' })).toBeVisible();
    await check(page, `invitation-${width}`, width, { title: 'Join Altitude · Altitude' });
    await page.goto('/invitations/accept?token=not-a-real-token');
    await expect(page.getByRole('alert')).toBeVisible();
    await check(page, `invitation-dead-${width}`, width, { title: 'Join Altitude · Altitude' });
  }
});

test('following a link inside the app puts focus on the new screen’s heading, by keyboard and by mouse', async ({ page }) => {
  await signIn(page, accounts.marketer);
  await page.goto('/board');
  await expect(page.getByTestId('column-intake')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const h1 = page.getByRole('heading', { level: 1 });
  const focusInMain = () => page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false);

  // By keyboard: Enter on a nav link; the screen reader then reads where it arrived.
  await nav.getByRole('link', { name: 'Timesheet' }).focus();
  await page.keyboard.press('Enter');
  await expect(h1).toHaveText('Timesheet');
  await expect(h1).toBeFocused();
  // The next Tab starts at the top of the new screen, not back in the navigation.
  await page.keyboard.press('Tab');
  expect(await focusInMain()).toBe(true);

  // By mouse, likewise.
  await nav.getByRole('link', { name: 'Capacity' }).click();
  await expect(h1).toHaveText('Capacity');
  await expect(h1).toBeFocused();

  // An opened card is the same screen: the drawer keeps focus, the board's heading does not take it.
  await nav.getByRole('link', { name: 'Board' }).click();
  await expect(h1).toBeFocused();
  const card = page.locator('[data-testid^="card-"]').first();
  await card.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect.poll(() => drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
});
