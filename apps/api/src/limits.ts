import { defaultAttachmentMaxBytes } from '@altitude/shared/attachments';

/**
 * Connection and stream limits. A slow or greedy client must not hold sockets, file
 * descriptors or memory without bound; each limit is an environment setting (README).
 */
export interface Limits {
  /** Whole request (headers and body) must arrive within this; a stalled upload is cut (408). */
  requestTimeoutMs: number;
  /** Request headers must arrive within this, so a header trickle is cut too. */
  headersTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open sockets at most; past it a new connection is closed at once. */
  maxConnections: number;
  /** Open event streams per user; one more is refused with 429. */
  streamsPerUser: number;
  /** Open event streams in all; one more is refused with 503. */
  streamsTotal: number;
  /** A stream whose unsent bytes pass this is closed (its reader is not keeping up; it reconnects and refetches). */
  streamBufferBytes: number;
  /** Heartbeat of an event stream; the stream's session is re-checked at each one. */
  heartbeatMs: number;
  /** Bytes one uploaded file may hold; a bigger one is refused with 413 and nothing of it kept. */
  attachmentMaxBytes: number;
}

export const defaultLimits: Limits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 2_000,
  streamsPerUser: 5,
  streamsTotal: 1_000,
  streamBufferBytes: 256 * 1024,
  heartbeatMs: 25_000,
  attachmentMaxBytes: defaultAttachmentMaxBytes,
};

const envNames: Record<keyof Limits, string> = {
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'MAX_CONNECTIONS',
  streamsPerUser: 'MAX_STREAMS_PER_USER',
  streamsTotal: 'MAX_STREAMS',
  streamBufferBytes: 'STREAM_BUFFER_BYTES',
  heartbeatMs: 'STREAM_HEARTBEAT_MS',
  attachmentMaxBytes: 'ATTACHMENT_MAX_BYTES',
};

/** Limits from the environment; a value that is not a positive whole number stops start-up with its name. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(envNames) as (keyof Limits)[]) {
    const raw = env[envNames[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${envNames[key]} must be a positive whole number, got "${raw}"`);
    }
    limits[key] = value;
  }
  return limits;
}
