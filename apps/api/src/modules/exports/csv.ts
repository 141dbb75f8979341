import { Readable, pipeline, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula, so a request title could run code on the CMO's machine. Such cells
 * get a leading apostrophe: shown as text, harmless. Blanks before the sign count too (some
 * imports trim them), and so does the full-width form of each sign. A spreadsheet that splits on
 * another delimiter (`;`, tab, `|`) than ours, or a reader that ignores quotes, starts a new cell
 * after any of those, so a sign just after a delimiter inside the text is neutralised as well:
 * `a;=1+1;b` is written `a;'=1+1;b`.
 */
const signAfterDelimiter = /(^|[,;|\t\r\n])([ \t\r\n]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function neutraliseFormula(cell: string): string {
  const signs = cell.replace(signAfterDelimiter, (_m, delimiter: string, blanks: string) => `${delimiter}${blanks}'`);
  return /^[\t\r]/.test(signs) ? `'${signs}` : signs;
}

export interface CsvColumn<T> {
  key: keyof T & string;
  header: string;
}

/**
 * Rows as a CSV byte stream: pulled from `rows` only as fast as the client reads. Every text cell
 * (the header too) is quoted, inner quotes doubled (RFC 4180), so a delimiter or line break inside
 * a title never splits it, and neutralised against formulas; numbers stay bare numbers.
 */
export function csvStream<T extends object>(rows: Iterable<T>, columns: CsvColumn<T>[]): Transform {
  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    quoted_string: true,
    cast: { string: neutraliseFormula },
  });
  // pipeline, not pipe: a failing source must end the response instead of leaving it hanging.
  return pipeline(Readable.from(rows), stringifier, () => undefined);
}

/**
 * Reads a query in pages of `size` by ascending id, each page a short synchronous query. A
 * long-lived cursor would hold the one SQLite connection for the whole download and block
 * every other request; pages keep memory flat and the connection free between them.
 */
export function* byIdPages<T extends { id: number }>(page: (afterId: number, size: number) => T[], size = 1000): Generator<T> {
  let after = 0;
  for (;;) {
    const rows = page(after, size);
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.id;
  }
}
