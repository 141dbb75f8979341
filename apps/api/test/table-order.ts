import type Database from 'better-sqlite3';

/**
 * An ORDER BY that lists a table's rows in a stable order: rowid, or for a WITHOUT ROWID table
 * (the report rollups) its primary key.
 */
export function stableOrder(client: Database.Database, table: string): string {
  const [info] = client.pragma(`table_list("${table}")`) as { wr: number }[];
  if (!info?.wr) return 'rowid';
  const key = (client.pragma(`table_info("${table}")`) as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk);
  return key.map((c) => `"${c.name}"`).join(', ');
}
