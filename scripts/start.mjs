// `pnpm start`: install if needed, build the web app, then serve API and web on one port.
// The server itself migrates the database and seeds the demo company into an empty one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureInstalled, pnpm, root } from './pnpm.mjs';

ensureInstalled();
console.log('Building the web app…');
pnpm(['--filter', '@altitude/web', 'run', 'build'], { stdio: ['inherit', 'ignore', 'inherit'] });

// `node --import tsx` keeps the server in this one process, so signals reach it directly.
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
