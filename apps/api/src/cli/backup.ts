import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { backupDatabase, defaultBackupPath } from '../db/backup';

/** `pnpm db:backup [--to file]`: an online copy of DATABASE_PATH, safe while the server runs. */
const { values } = parseArgs({ options: { to: { type: 'string' } } });
const { databasePath } = readConfig();
// pnpm runs scripts from the package folder; a relative --to means the folder the user typed it in.
const destination = values.to ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.to) : defaultBackupPath(databasePath);
try {
  const result = await backupDatabase(databasePath, destination);
  console.log(
    `Backed up ${databasePath}\n       to ${result.destination} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.ms.toFixed(0)} ms)`,
  );
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
