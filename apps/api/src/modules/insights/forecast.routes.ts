import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Forecast, ForecastQuery } from '@altitude/shared/forecast';
import { readForecast } from './forecast.service';

/** The forecast to target, for insights readers (leads and people granted Insights), like the other reports. */
export default async function forecastRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/forecast', {
    config: { access: 'insights', cache: 'shared' },
    schema: {
      tags: ['reports'],
      summary:
        "Where the quarter's strategic share is heading: the share so far, a projection to quarter end (logged + committed estimates + the recent run rate) with a range, " +
        'and what closes the gap to the target (strategic minutes a week for the weeks left, or tactical minutes handed back). Quarter: the current one by default; a later one is a 400',
      querystring: ForecastQuery,
      response: { '2xx': Forecast },
    },
    handler: async (request) => readForecast(app.db, app.clock(), request.query.quarter),
  });
}
