import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { backupDatabase, defaultBackupPath } from '../db/backup';
import { backupFiles } from '../db/files-backup';
import { filesFolderFor } from '../db/files-folder';

/**
 * `pnpm db:backup [--to file]`: an online copy of DATABASE_PATH, safe while the server runs, and
 * of the uploaded files beside it (`<backup>.files/`).
 */
const { values } = parseArgs({ options: { to: { type: 'string' } } });
const { databasePath } = readConfig();
// pnpm runs scripts from the package folder; a relative --to means the folder the user typed it in.
const destination = values.to ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.to) : defaultBackupPath(databasePath);
try {
  const result = await backupDatabase(databasePath, destination);
  console.log(
    `Backed up ${databasePath}\n       to ${result.destination} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.ms.toFixed(0)} ms)`,
  );
  const filesFolder = filesFolderFor(databasePath);
  const files = backupFiles(filesFolder, result.destination);
  console.log(
    `Copied ${files.files} uploaded files (${(files.bytes / 1024).toFixed(0)} KiB) from ${filesFolder}\n       to ${files.destination}`,
  );
  if (files.missing.length) {
    console.warn(
      `${files.missing.length} files were removed while the backup ran; their rows in the copy have no file: ${files.missing.join(', ')}`,
    );
  }
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
