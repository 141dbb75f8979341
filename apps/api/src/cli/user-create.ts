import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { Email } from '@altitude/shared/auth';
import { readConfig } from '../config';
import { closeDatabase, openDatabase } from '../db/client';
import { users } from '../db/schema';
import { seedBaseline } from '../db/seed/baseline';
import { hashPassword } from '../lib/password';
import { passwordProblem } from '../modules/auth/password-policy';

/** Adds a lead account, e.g. the first user of a non-demo install. */
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    department: { type: 'string', default: 'Marketing' },
  },
});
if (!values.email || !values.name || !values.password) {
  console.error('Usage: pnpm user:create --email ada@company.com --name "Ada Lovelace" --password "…" [--department Marketing]');
  process.exit(2);
}
// The same email rules as the API (trimmed, lowercase, at most 254 characters).
const parsedEmail = Email.safeParse(values.email);
if (!parsedEmail.success) {
  console.error(`Email ${parsedEmail.error.issues[0]?.message ?? 'is invalid'}`);
  process.exit(2);
}
const email = parsedEmail.data;
const problem = passwordProblem(values.password);
if (problem) {
  console.error(`Password ${problem}`);
  process.exit(2);
}
const db = openDatabase(readConfig().databasePath);
const departments = seedBaseline(db);
const departmentId = departments.get(values.department);
if (departmentId === undefined) {
  console.error(`No department "${values.department}". Known: ${[...departments.keys()].join(', ')}`);
  process.exit(2);
}
if (db.select().from(users).where(eq(users.email, email)).get()) {
  console.error(`A user with email ${email} already exists.`);
  process.exit(2);
}
const passwordHash = await hashPassword(values.password);
db.insert(users).values({ email, name: values.name, role: 'lead', departmentId, passwordHash }).run();
closeDatabase(db);
console.log(`Created lead ${email}.`);
