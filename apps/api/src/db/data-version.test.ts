import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './client';
import { dataVersion } from './data-version';

/**
 * The board, the read cache and the writer thread's answers tell another connection's commits by
 * `data_version`; the helper keeps its statement compiled, so it must still read the value anew.
 * The oracle is SQLite's own rule: it moves when another connection commits, not on this one's.
 */
describe('dataVersion', () => {
  it('moves when another connection commits, not when this one does, and survives the statements cache resetting its mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-dv-'));
    const reader = openDatabase(path.join(dir, 'a.db'));
    const writer = openDatabase(path.join(dir, 'a.db'));
    try {
      reader.$client.exec('create table t (x integer)');
      const start = dataVersion(reader.$client);
      expect(Number.isInteger(start)).toBe(true);
      reader.$client.exec('insert into t values (1)');
      expect(dataVersion(reader.$client)).toBe(start);

      writer.$client.exec('insert into t values (2)');
      const afterOther = dataVersion(reader.$client);
      expect(afterOther).not.toBe(start);
      expect(dataVersion(reader.$client)).toBe(afterOther);

      // Another caller of the same SQL text gets the same statement back in its default (row) mode.
      expect(reader.$client.prepare('pragma data_version').get()).toEqual({ data_version: afterOther });
      writer.$client.exec('insert into t values (3)');
      const third = dataVersion(reader.$client);
      expect(Number.isInteger(third)).toBe(true);
      expect(third).not.toBe(afterOther);
    } finally {
      closeDatabase(writer);
      closeDatabase(reader);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
