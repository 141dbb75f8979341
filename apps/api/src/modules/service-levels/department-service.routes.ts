import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DepartmentService } from '@altitude/shared/service-levels';
import { signedInUser } from '../../plugins/auth';
import { readDepartmentService } from '../insights/service-levels.service';

/**
 * My requests' service facts: how the caller's own department is served (on-time share, rush
 * share, needs-info rounds per request, median first response) over the last 90 days, with the
 * service-levels report's definitions. Department-wide figures only, no request or person named,
 * so any signed-in caller may read their own department's.
 */
export default async function departmentServiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/requests/department-service', {
    // Not in the read cache: its keys tell marketers apart by role only, and this answer depends on the department.
    config: { access: 'signedIn' },
    schema: {
      tags: ['requests'],
      summary:
        "The caller's department over the last 90 days (company time zone, today included): requests filed and delivered, on-time share of those delivered, rush share and needs-info rounds per request filed, median business minutes to first response",
      response: { '2xx': DepartmentService },
    },
    handler: async (request) => readDepartmentService(app.db, signedInUser(request), app.clock()),
  });
}
