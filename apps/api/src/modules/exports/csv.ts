import { Readable, pipeline, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula, so a request title could run code on the CMO's machine. Such cells
 * get a leading apostrophe: shown as text, harmless.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export interface CsvColumn<T> {
  key: keyof T & string;
  header: string;
}

/**
 * Rows as a CSV byte stream: pulled from `rows` only as fast as the client reads, quoted where
 * a cell holds a comma, quote or line break (RFC 4180), strings neutralised against formulas.
 */
export function csvStream<T extends object>(rows: Iterable<T>, columns: CsvColumn<T>[]): Transform {
  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
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
