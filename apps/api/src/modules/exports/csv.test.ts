import { describe, expect, it } from 'vitest';
import { byIdPages, csvStream, neutraliseFormula } from './csv';

const read = async (stream: NodeJS.ReadableStream) => {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
};

describe('formula neutralisation', () => {
  it.each(['=SUM(A1:A9)', '+1', '-1', '@cmd', '\tindent', '\rreturn'])('a cell beginning %j gets a leading apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone, a sign inside the text included', () => {
    for (const cell of ['Roll-up banners', 'a=b', 'e-mail', '', "'quoted"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('CSV stream', () => {
  it('writes a header, quotes commas, quotes and line breaks, and neutralises formulas', async () => {
    const text = await read(
      csvStream(
        [
          { id: 1, title: 'Deck, "v2"\nfor Acme', note: '=1+1' },
          { id: 2, title: 'Plain', note: null },
        ],
        [
          { key: 'id', header: 'id' },
          { key: 'title', header: 'title' },
          { key: 'note', header: 'note' },
        ],
      ),
    );
    expect(text).toBe('id,title,note\n1,"Deck, ""v2""\nfor Acme",\'=1+1\n2,Plain,\n');
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
