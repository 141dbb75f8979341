// zod builds each object schema's parser with `new Function` unless told not to, and probes for
// eval as soon as a schema is created. The CSP forbids eval, so the probe files a violation report.
// This classic script runs before any module (chunk order cannot undo it) and tells zod not to try.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
