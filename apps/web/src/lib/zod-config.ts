import { z } from 'zod';

// zod probes for eval (new Function) when schemas are built, to speed up parsing. The CSP
// forbids eval, so the probe would file a violation report on every page load: don't ask.
// Imported first by main.tsx, before any schema is created.
z.config({ jitless: true });
