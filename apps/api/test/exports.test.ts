import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { allEntries, allRequests, onDays } from './report-oracle';

const exportUrls = ['/api/exports/requests.csv', '/api/exports/time-entries.csv'];
const requestsHeader =
  'key,title,type,department,requester,assignee,status,resolution,classification,priority,due_date,estimate_minutes,logged_minutes,period_minutes,created_at,started_at,completed_at';
const entriesHeader = 'id,date,request_key,request_title,type,department,classification,user,minutes,note,created_at';

/** RFC 4180 read by hand, so the test does not trust the library that wrote the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('CSV exports', () => {
  let t: TestApp;
  let lead: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    lead = await t.login('cmo@example.com');
  });
  afterAll(() => t.app.close());

  const download = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: lead } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('time-entries.csv has its header and one row per entry dated in the period', async () => {
    const res = await download('/api/exports/time-entries.csv?from=2026-10-01&to=2026-10-31');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="altitude-time-entries-2026-10-01-to-2026-10-31.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.join(',')).toBe(entriesHeader);
    const expected = allEntries(t.app.db.$client).filter((e) => e.date >= '2026-10-01' && e.date <= '2026-10-31');
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
    expect(rows.reduce((s, r) => s + Number(r[8]), 0)).toBe(expected.reduce((s, e) => s + e.minutes, 0));
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  it('a long export arrives whole across the pages it is read in', async () => {
    const res = await download('/api/exports/time-entries.csv?from=2026-01-01&to=2026-11-20');
    const rows = parseCsv(res.body).slice(1);
    const all = allEntries(t.app.db.$client);
    expect(all.length).toBeGreaterThan(1000);
    expect(rows).toHaveLength(all.length);
    const ids = rows.map((r) => Number(r[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requests.csv has its header and every request filed, closed or worked on in the period', async () => {
    const res = await download('/api/exports/requests.csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="altitude-requests-2026-10-24-to-2026-11-20.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.join(',')).toBe(requestsHeader);
    const from = '2026-10-24';
    const to = '2026-11-20';
    const worked = new Set(
      allEntries(t.app.db.$client)
        .filter((e) => e.date >= from && e.date <= to)
        .map((e) => e.requestId),
    );
    const expected = allRequests(t.app.db.$client).filter(
      (r) => onDays(r.createdAt, from, to) || onDays(r.completedAt, from, to) || worked.has(r.id),
    );
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => `MKT-${r.id}`).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))));
    // Minutes in the period add up to the period's time entries.
    const periodMinutes = rows.reduce((s, r) => s + Number(r[13]), 0);
    expect(periodMinutes).toBe(
      allEntries(t.app.db.$client)
        .filter((e) => e.date >= from && e.date <= to)
        .reduce((s, e) => s + e.minutes, 0),
    );
  });

  // Filed before the next test writes rows straight into SQL with positions the API would never make.
  it('titles filed through the API that a spreadsheet splitting on ; or , would run are quoted and neutralised in both files', async () => {
    const sales = await t.login('sales@example.com');
    const marketer = await t.login('marketer@example.com');
    const titles: [title: string, written: string][] = [
      ['a;=1+1;b', "a;'=1+1;b"],
      ['@SUM(1)', "'@SUM(1)"],
      ['-2+3', "'-2+3"],
      ['+1', "'+1"],
      ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK(""http://evil.example"",""x"")'],
      ['Budget,=2*3', "Budget,'=2*3"],
      ['Plain title', 'Plain title'],
    ];
    const keys: string[] = [];
    for (const [title] of titles) {
      const res = await t.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie: sales }, payload: { title, typeId: 1 } });
      expect(res.statusCode, res.body).toBe(201);
      const { id, key } = res.json() as { id: number; key: string };
      keys.push(key);
      const logged = await t.app.inject({
        method: 'POST',
        url: `/api/requests/${id}/time-entries`,
        headers: { cookie: marketer },
        payload: { minutes: 5, note: title },
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
    const requestsCsv = (await download('/api/exports/requests.csv')).body;
    const entriesCsv = (await download('/api/exports/time-entries.csv')).body;
    // Every text cell is quoted: the key and the title as written, side by side.
    titles.forEach(([, written], i) => {
      expect(requestsCsv).toContain(`"${keys[i]}","${written}",`);
      expect(entriesCsv).toContain(`"${keys[i]}","${written}",`);
    });
    expect(requestsCsv.split('\n')[0]).toBe(
      requestsHeader
        .split(',')
        .map((h) => `"${h}"`)
        .join(','),
    );
    // Split the way a careless spreadsheet would, no piece of our rows starts a formula.
    const ours = [...requestsCsv.split('\n'), ...entriesCsv.split('\n')].filter((line) => keys.some((k) => line.includes(`"${k}"`)));
    expect(ours.length).toBe(titles.length * 2);
    for (const line of ours) for (const piece of line.split(/[;,]/)) expect(piece.replace(/^[\s"]+/, ''), line).not.toMatch(/^[=+\-@]/);
  });

  it('quotes commas, quotes and line breaks, and neutralises cells that would run as formulas', async () => {
    const client = t.app.db.$client;
    const insertRequest = client.prepare(
      "insert into requests (title, type_id, requester_id, department_id, position, classification, classification_suggested, created_at, updated_at) values (?, 1, 3, 1, ?, 'tactical', 0, '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z')",
    );
    const awkward = insertRequest.run('Deck, "v2"\nfor Acme', 'zz-1').lastInsertRowid;
    const formula = insertRequest.run('=HYPERLINK("https://evil.example","Click")', 'zz-2').lastInsertRowid;
    const notes = ['@SUM(1+1)', '-2+3', '+cmd|calc', '\tTabbed', '\rReturn', 'a=b is fine'];
    const insertEntry = client.prepare(
      "insert into time_entries (request_id, user_id, minutes, date, note) values (?, 2, 15, '2026-11-20', ?)",
    );
    for (const note of notes) insertEntry.run(awkward, note);

    const requestsCsv = (await download('/api/exports/requests.csv')).body;
    expect(requestsCsv).toContain(`"MKT-${awkward}","Deck, ""v2""\nfor Acme",`);
    const requestRows = parseCsv(requestsCsv);
    expect(requestRows.find((r) => r[0] === `MKT-${awkward}`)![1]).toBe('Deck, "v2"\nfor Acme');
    expect(requestRows.find((r) => r[0] === `MKT-${formula}`)![1]).toBe('\'=HYPERLINK("https://evil.example","Click")');

    const entryRows = parseCsv((await download('/api/exports/time-entries.csv')).body).filter((r) => r[2] === `MKT-${awkward}`);
    expect(entryRows.map((r) => r[9])).toEqual(["'@SUM(1+1)", "'-2+3", "'+cmd|calc", "'\tTabbed", "'\rReturn", 'a=b is fine']);
    expect(entryRows.map((r) => r[3])).toEqual(notes.map(() => 'Deck, "v2"\nfor Acme'));
    for (const r of entryRows) expect(r).toHaveLength(entriesHeader.split(',').length);
  });

  it.each(['sales@example.com', 'marketer@example.com'])('%s is refused both exports with a 403 problem', async (email) => {
    const cookie = await t.login(email);
    for (const url of exportUrls) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(expectProblem(res, 403).code, url).toBe('auth.forbidden');
    }
  });

  it.each(exportUrls)('%s names the bad parameter in a 400 problem', async (url) => {
    for (const [query, path] of [
      ['from=2026-11-21&to=2026-11-20', 'from'],
      ['from=2026-13-01', 'from'],
      ['to=not-a-date', 'to'],
    ] as const) {
      const body = expectProblem(await t.app.inject({ method: 'GET', url: `${url}?${query}`, headers: { cookie: lead } }), 400);
      expect(
        body.errors?.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
  });
});
