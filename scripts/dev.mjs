// `pnpm dev`: the API with reload on :3000 and Vite with hot reload on :5173, proxying /api.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bin, ensureInstalled, root } from './pnpm.mjs';

ensureInstalled();
const children = [
  spawn(bin('tsx'), ['watch', path.join(root, 'apps/api/src/server.ts')], { stdio: 'inherit', cwd: root }),
  spawn(bin('vite'), [], { stdio: 'inherit', cwd: path.join(root, 'apps/web') }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => (stop(), process.exit(code ?? 0))));
