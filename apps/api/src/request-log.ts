import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Request lines at `debug`, one per answered request: Fastify's two lines per request at `info`
 * (1,715 in one session) buried the ready banner and the events that matter. LOG_LEVEL=debug
 * brings them back. Everything else Fastify logs (stream and serializer errors…) is unchanged.
 */
export class RequestLogAtDebug extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    request.log.debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  }
}
