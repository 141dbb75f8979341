// Runs the server as a child process and stops it the way a person expects from Ctrl-C: the
// server gets the signal once, finishes its requests and closes the database, and we exit 0 so
// pnpm does not report "ELIFECYCLE Command failed" for a deliberate stop. package.json says
// `exec node scripts/start.mjs` for the same reason: pnpm runs a script with `sh -c`, and without
// exec the shell (dash on Debian) is itself killed by the Ctrl-C, which pnpm reports as a failure.
import { spawn } from 'node:child_process';

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Spawns `node nodeArgs` and mirrors its exit. The child runs in its own process group, so a
 * Ctrl-C reaches it only through us, exactly once: the terminal, pnpm and npx each deliver the
 * same keypress to us, and the server reads a second signal as "cut open connections now".
 * A signal more than a second after the last one is passed on (a deliberate second Ctrl-C).
 */
export function serve(nodeArgs, { cwd } = {}) {
  const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', cwd, detached: true });
  let lastForwarded = 0;
  let stopping = false;
  for (const signal of stopSignals) {
    process.on(signal, () => {
      stopping = true;
      if (Date.now() - lastForwarded < 1000) return;
      lastForwarded = Date.now();
      // SIGHUP (the terminal closed) means stop, like SIGTERM.
      child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    });
  }
  // Never leave the server running behind us.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('exit', (code) => {
    if (code !== null) process.exit(code);
    // Ended by a signal: a clean stop if we asked for one, a crash otherwise.
    process.exit(stopping ? 0 : 1);
  });
  return child;
}
