import path from 'node:path';

/**
 * Where uploaded files live: a `files` folder beside the database file, so the data folder holds
 * everything Altitude keeps (and `pnpm db:backup` knows where to find them).
 */
export const filesFolderFor = (databasePath: string) => path.join(path.dirname(databasePath), 'files');
