import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startProvider } from '../../apps/api/test/oidc-harness';
import { accounts, demoPassword } from './support';

// Single sign-on in a real browser: a real OpenID provider (oidc-provider) runs inside the test and
// a second Altitude server, configured for it by environment as an operator would, serves the app.
// The provider's login and consent are answered by code (oidc-harness.ts), so the browser goes
// Altitude → provider → Altitude by redirects only, as it would after a person signs in there.

let provider: Awaited<ReturnType<typeof startProvider>>;
let server: ChildProcess;
let base = '';
const output: string[] = [];

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const redirectUrl = `${base}/api/auth/oidc/callback`;
  provider = await startProvider(redirectUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-sso-e2e-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: path.join(dir, 'altitude.db'),
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'altitude',
      OIDC_CLIENT_SECRET: 'altitude-test-secret',
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_DEPARTMENT_CLAIM: 'department',
      OIDC_DEPARTMENT_MAP: 'prod=Product',
      OIDC_DEFAULT_DEPARTMENT: 'Sales',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (b: Buffer) => output.push(b.toString()));
  server.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the SSO server stopped:\n${output.join('')}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the SSO server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await provider?.close();
});

async function signInWithSso(page: Page) {
  await page.goto(`${base}/sign-in`);
  // Passwords still work beside SSO in this configuration.
  await expect(page.getByLabel('Email')).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
}

test('a first single sign-on creates a requester in the mapped department and signs them in', async ({ page }) => {
  provider.addAccount({ sub: 'idp-robin', email: 'robin.sso@example.com', name: 'Robin Okafor', department: 'prod' });
  provider.signInAs('idp-robin');
  await signInWithSso(page);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  // Requesters land on their own requests; nothing marketer-only is offered.
  await expect(page.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Board' })).toHaveCount(0);
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  expect(me.user).toMatchObject({ email: 'robin.sso@example.com', name: 'Robin Okafor', role: 'requester' });
  const departments: { id: number; name: string }[] = await page.evaluate(
    async () => (await (await fetch('/api/departments')).json()).items,
  );
  expect(departments.find((d) => d.id === me.user.departmentId)?.name).toBe('Product');

  // Signing out and in again finds the same person, not a second one.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithSso(page);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  const again = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  expect(again.user.id).toBe(me.user.id);
});

test('a person a lead deactivated is refused at the door with a reason', async ({ page, browser }) => {
  provider.addAccount({ sub: 'idp-dana', email: 'dana.sso@example.com', name: 'Dana Whitfield' });
  provider.signInAs('idp-dana');
  await signInWithSso(page);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  const departments: { id: number; name: string }[] = await page.evaluate(
    async () => (await (await fetch('/api/departments')).json()).items,
  );
  // No department claim: the default department.
  expect(departments.find((d) => d.id === me.user.departmentId)?.name).toBe('Sales');

  // The lead turns Dana off in Settings → People, in their own browser.
  const lead = await browser.newContext({ baseURL: base });
  const leadPage = await lead.newPage();
  await leadPage.goto('/sign-in');
  await leadPage.getByLabel('Email').fill(accounts.lead);
  await leadPage.getByLabel('Password').fill(demoPassword);
  await leadPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(leadPage.getByRole('button', { name: 'Account menu' })).toBeVisible();
  await leadPage.goto('/settings?tab=people');
  await leadPage.getByRole('switch', { name: 'Dana Whitfield is active' }).click();
  await leadPage.getByRole('button', { name: 'Deactivate' }).click();
  await expect(leadPage.getByText('Deactivated and signed out.')).toBeVisible();
  await lead.close();

  // Dana's session ended; signing in through the provider again is refused with the reason.
  await page.goto(`${base}/sign-in`);
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=sso_disabled/);
  await expect(page.getByRole('alert')).toContainText('Your Altitude account is deactivated');
  expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
});
