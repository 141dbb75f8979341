import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface FilesBackupResult {
  /** The folder the files were copied to: the backup's name with `.files` in place of `.db`. */
  destination: string;
  files: number;
  bytes: number;
  /** Files the backed-up database names but that were gone when copied (removed meanwhile). */
  missing: string[];
}

/** `backups/altitude-…Z.db` → `backups/altitude-…Z.files`. */
export const filesBackupPath = (databaseBackup: string) => databaseBackup.replace(/\.db$/, '') + '.files';

/**
 * Copies the uploaded files beside a database backup. Stored files never change once written
 * (an upload takes a new name, a removal deletes), so copying them after the database snapshot
 * gives every file the snapshot names, bar one removed in between (reported in `missing`); a file
 * uploaded in between is copied too and simply unused. Uploads still being received are skipped.
 */
export function backupFiles(filesFolder: string, databaseBackup: string): FilesBackupResult {
  const destination = filesBackupPath(databaseBackup);
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists`);
  fs.mkdirSync(destination, { recursive: true });
  let files = 0;
  let bytes = 0;
  const present = fs.existsSync(filesFolder) ? fs.readdirSync(filesFolder) : [];
  for (const name of present) {
    if (name.startsWith('.')) continue;
    const from = path.join(filesFolder, name);
    try {
      fs.copyFileSync(from, path.join(destination, name), fs.constants.COPYFILE_EXCL);
    } catch (err) {
      // Removed between the listing and the copy.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    files++;
    bytes += fs.statSync(path.join(destination, name)).size;
  }
  const db = new Database(databaseBackup, { readonly: true, fileMustExist: true });
  try {
    const named = db.prepare('select stored_name from attachments').pluck().all() as string[];
    const missing = named.filter((name) => !fs.existsSync(path.join(destination, name)));
    return { destination, files, bytes, missing };
  } finally {
    db.close();
  }
}
