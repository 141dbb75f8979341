import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';

/**
 * How the server logs. A person at a terminal reads one short line per event ("12:04:01 INFO
 * signed in userId=3"); anything else (a pipe, a log collector) gets pino's JSON lines. Both
 * go through the same stdout as console.log, in order: pino's own buffered writer let "Server
 * listening" land after the ready banner.
 */
export function loggerOptions({
  level,
  pretty: readable,
  destination,
}: {
  level: string;
  pretty: boolean;
  destination?: NodeJS.WritableStream;
}) {
  if (!readable) return { level, stream: destination ?? process.stdout };
  const stream = pretty({
    sync: true,
    colorize: !destination,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    ...(destination ? { destination } : {}),
  });
  return { level, stream } satisfies FastifyServerOptions['logger'];
}
