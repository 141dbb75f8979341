/*
 * The second of the app's three start-up stages (main.tsx): the shared contract's zod schemas,
 * which the API client parses every answer with. Building them is about a third of the app's
 * start-up; in a stage of their own they are one short task instead of part of one long one.
 * Namespaces, so the bundler keeps each module whole here and the next stage only links to it.
 */
// First: zod must not probe for eval (lib/zod-config.ts); public/zod-jitless.js has said so already.
import '../lib/zod-config';

export * as auth from '@altitude/shared/auth';
export * as directory from '@altitude/shared/directory';
export * as domain from '@altitude/shared/domain';
export * as events from '@altitude/shared/events';
export * as intakeFields from '@altitude/shared/intake-fields';
export * as notifications from '@altitude/shared/notifications';
export * as requests from '@altitude/shared/requests';
export * as selfServeKits from '@altitude/shared/self-serve-kits';
export * as serviceLevels from '@altitude/shared/service-levels';
