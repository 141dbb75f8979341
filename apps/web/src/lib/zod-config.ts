import { z } from 'zod';

// zod probes for eval (new Function) when schemas are built, to speed up parsing. The CSP
// forbids eval, so the probe would file a violation report on every page load: don't ask.
// Imported first by main.tsx; in a build, public/zod-jitless.js (a classic script in index.html)
// sets the same before any chunk runs, as a chunk holding schemas can evaluate before this module.
z.config({ jitless: true });
