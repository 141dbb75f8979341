// `pnpm dev`: the API with reload on :3000 (PORT) and Vite with hot reload on :5173, proxying /api.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bin, ensureInstalled, root } from './pnpm.mjs';

await ensureInstalled();
const webDir = path.join(root, 'apps/web');
const env = { ...process.env, API_PORT: process.env.PORT ?? '3000' };
const children = [
  spawn(bin('tsx'), ['watch', path.join(root, 'apps/api/src/server.ts')], { stdio: 'inherit', cwd: root, env }),
  // vite is the web package's dependency, so its binary lives in that package's node_modules.
  spawn(path.join(webDir, 'node_modules/.bin/vite'), [], { stdio: 'inherit', cwd: webDir, env }),
];
let stopping = false;
const stop = () => {
  stopping = true;
  children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('error', (err) => {
    console.error(`✖ ${err.message}`);
    stop();
    process.exitCode = 1;
  });
  // One of the two ending ends both; a Ctrl-C is a clean stop.
  child.on('exit', (code) => {
    if (!stopping && code !== 0) process.exitCode = code ?? 1;
    stop();
  });
}
