import { expect, test, type Page } from '@playwright/test';
import { accounts, screenshot, signIn } from './support';

interface Forecast {
  quarter: string;
  target: number | null;
  shareSoFar: number | null;
  projectedShare: number | null;
  projectedLow: number | null;
  projectedHigh: number | null;
  neededStrategicMinutesPerWeek: number;
  neededTacticalMinutesHandedBack: number;
  weeksLeft: number;
}

/** How the page writes its numbers (Insights: whole percents, hours to one decimal under 100). */
const pct = (share: number) => `${Math.round(share * 100)} %`;
const hours = (minutes: number) =>
  minutes / 60 >= 100 ? Math.round(minutes / 60).toLocaleString('en') : (Math.round(minutes / 6) / 10).toLocaleString('en');
// en-GB writes September short as "Sept" (CLDR), in Chromium as in the app's own dates.
const quarterEnd: Record<string, string> = { Q1: '31 Mar', Q2: '30 Jun', Q3: '30 Sept', Q4: '31 Dec' };
const weeks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'week' : 'weeks'}`;

/** The sentence the block should show for this answer, written out here from the words. */
function expectedGap(f: Forecast): string {
  if (f.projectedShare === null) return 'Nothing logged or planned yet to project from.';
  if (f.target === null) return `No target is set for ${f.quarter}.`;
  if (f.projectedShare >= f.target) return 'On course for the target';
  if (f.neededStrategicMinutesPerWeek === 0) return 'No working week is left to close the gap.';
  const perWeek = `+${hours(f.neededStrategicMinutesPerWeek)} h strategic a week for the ${weeks(f.weeksLeft)} left`;
  return f.neededTacticalMinutesHandedBack > 0
    ? `${perWeek}, or ${hours(f.neededTacticalMinutesHandedBack)} h of tactical work handed back`
    : perWeek;
}

/** The CMO's own strategic request for this run, estimated and partly logged: committed work the forecast counts. */
async function planStrategicWork(page: Page) {
  const types = (await (await page.request.get('/api/request-types')).json()) as { items: { id: number; defaultClassification: string }[] };
  const typeId = types.items.find((t) => t.defaultClassification === 'strategic')!.id;
  const filed = await page.request.post('/api/requests', { data: { title: `Forecast e2e: brand study ${Date.now()}`, typeId } });
  expect(filed.status()).toBe(201);
  let req = (await filed.json()) as { id: number; version: number };
  const classified = await page.request.put(`/api/requests/${req.id}/classification`, {
    data: { classification: 'strategic', version: req.version },
  });
  expect(classified.status()).toBe(200);
  req = await classified.json();
  expect((await page.request.patch(`/api/requests/${req.id}`, { data: { version: req.version, estimateMinutes: 1200 } })).status()).toBe(
    200,
  );
  expect((await page.request.post(`/api/requests/${req.id}/time-entries`, { data: { minutes: 90 } })).status()).toBe(201);
}

test('the CMO reads the forecast to target on Insights, at desk and phone width', async ({ page }) => {
  await signIn(page, accounts.lead);
  await planStrategicWork(page);
  const res = await page.request.get('/api/reports/forecast');
  expect(res.status()).toBe(200);
  const f = (await res.json()) as Forecast;

  await page.goto('/insights');
  const block = page.getByRole('region', { name: 'Forecast' });
  // The page asks for a dozen reports at once; on a busy machine they take a while.
  await expect(block.getByTestId('forecast-gap')).toBeVisible({ timeout: 60_000 });
  await expect(block.getByRole('heading', { name: 'Forecast' })).toBeVisible();
  await expect(block.getByText(f.quarter, { exact: true })).toBeVisible();
  // Today's strategic request has 90 minutes logged: something to project from.
  expect(f.projectedShare).not.toBeNull();
  const low = pct(f.projectedLow!);
  const high = pct(f.projectedHigh!);
  const range = low !== high ? ` (${low.replace(' %', '')}–${high})` : '';
  await expect(block.getByTestId('forecast-projection')).toHaveText(
    `Projected ${pct(f.projectedShare!)} by ${quarterEnd[f.quarter.slice(5)]}${range}`,
  );
  const facts = block.getByTestId('forecast-facts');
  await expect(facts).toContainText(f.target === null ? 'No target' : `Target ${pct(f.target)}`);
  await expect(facts).toContainText(`${pct(f.shareSoFar!)} so far`);
  await expect(facts).toContainText(`${weeks(f.weeksLeft)} left`);
  await expect(block.getByTestId('forecast-gap')).toHaveText(expectedGap(f));
  await block.scrollIntoViewIfNeeded();
  await screenshot(page, 'forecast');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(block.getByTestId('forecast-gap')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
  const box = await block.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await screenshot(page, 'forecast-phone');
});
