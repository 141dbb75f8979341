import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // schema-attachments.ts and schema-notifications.ts reference requests, so schema.ts cannot re-export it without an import cycle.
  schema: ['./src/db/schema.ts', './src/db/schema-attachments.ts', './src/db/schema-notifications.ts'],
  out: './drizzle',
});
