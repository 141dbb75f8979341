import { describe, expect, it } from 'vitest';
import { byIdPages, csvStream, neutraliseFormula } from './csv';

const read = async (stream: NodeJS.ReadableStream) => {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
};

describe('formula neutralisation', () => {
  it.each(['=SUM(A1:A9)', '+1', '-1', '@cmd', '\tindent', '\rreturn', '=HYPERLINK("http://evil","x")', '\uFF1D1+1'])(
    'a cell beginning %j gets a leading apostrophe',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each([
    ['a sign after blanks, which some imports trim', '  =1+1', "  '=1+1"],
    ['a sign after a semicolon', 'a;=1+1;b', "a;'=1+1;b"],
    ['a sign after a comma and a blank', 'x, -2+3', "x, '-2+3"],
    ['a sign after a tab', 'a\t@SUM(1)', "a\t'@SUM(1)"],
    ['a sign after a pipe', 'a|+1', "a|'+1"],
    ['a sign at the start of a later line', "Line 1\n=cmd|' /C calc'!A0", "Line 1\n'=cmd|' /C calc'!A0"],
    ['every sign, not only the first', ';=1;=2', ";'=1;'=2"],
  ])('%s', (_, cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
  });

  it('leaves ordinary text alone, a sign inside a word or a date included', () => {
    for (const cell of ['Roll-up banners', 'a=b', 'e-mail', '', "'quoted", '2026-11-20', 'Q3 - Q4 plan', 'a@b.com', 'MKT-42'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('CSV stream', () => {
  const columns = [
    { key: 'id' as const, header: 'id' },
    { key: 'title' as const, header: 'title' },
    { key: 'note' as const, header: 'note' },
  ];

  it('quotes every text cell (header too), doubles inner quotes, keeps numbers bare and neutralises formulas', async () => {
    const text = await read(
      csvStream(
        [
          { id: 1, title: 'Deck, "v2"\nfor Acme', note: '=1+1' },
          { id: 2, title: 'Plain', note: null },
          { id: -3, title: 'a;=1+1;b', note: '' },
        ],
        columns,
      ),
    );
    expect(text).toBe('"id","title","note"\n1,"Deck, ""v2""\nfor Acme","\'=1+1"\n2,"Plain",\n-3,"a;\'=1+1;b",""\n');
  });

  it('split naively on ; , or tab, no piece of a text cell starts a formula', async () => {
    const titles = ['a;=1+1;b', '@SUM(1)', '-2+3', '+1', '=HYPERLINK("http://evil","click")', 'x,=1', 'x\t-1', 'x\n@y', ' =1'];
    const text = await read(
      csvStream(
        titles.map((title, i) => ({ id: i, title, note: null })),
        columns,
      ),
    );
    for (const piece of text.split(/[;,\t\n]/)) expect(piece.replace(/^[\s"]+/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('paged reading', () => {
  it('reads every row once across page boundaries and stops after a short page', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ id: i * 2 + 1 }));
    const calls: number[] = [];
    const page = (after: number, size: number) => (calls.push(after), rows.filter((r) => r.id > after).slice(0, size));
    expect([...byIdPages(page, 10)].map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(calls).toEqual([0, 19, 39]);
  });

  it('asks for one more page when the last page is exactly full', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ id: i + 1 }));
    const calls: number[] = [];
    expect([...byIdPages((after, size) => (calls.push(after), rows.filter((r) => r.id > after).slice(0, size)), 10)]).toHaveLength(20);
    expect(calls).toEqual([0, 10, 20]);
  });
});
