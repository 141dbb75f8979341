// `pnpm start`: install if needed, build the web app, then serve API and web on one port.
// The server itself migrates the database and seeds the demo company into an empty one.
import path from 'node:path';
import { buildWebApp, ensureInstalled, root } from './pnpm.mjs';
import { serve } from './serve.mjs';

await ensureInstalled();
await buildWebApp();
// `node --import tsx` keeps the server in that one process, so signals reach it directly.
serve(['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], { cwd: root });
