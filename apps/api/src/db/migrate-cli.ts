import { readConfig } from '../config';
import { closeDatabase, openDatabase } from './client';

// Opening the database applies every pending migration.
const { databasePath } = readConfig();
closeDatabase(openDatabase(databasePath));
console.log(`Migrated ${databasePath}`);
