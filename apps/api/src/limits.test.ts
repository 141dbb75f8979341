import { describe, expect, it } from 'vitest';
import { defaultLimits, readLimits } from './limits';

describe('limits from the environment', () => {
  it('defaults cut a stalled request within 60 s and cap connections and streams', () => {
    const limits = readLimits({});
    expect(limits).toEqual(defaultLimits);
    expect(limits.requestTimeoutMs).toBeGreaterThan(0);
    expect(limits.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(limits.headersTimeoutMs).toBeLessThanOrEqual(limits.requestTimeoutMs);
    expect(limits.maxConnections).toBe(2_000);
    // Streams can never take every connection.
    expect(limits.streamsTotal).toBeLessThan(limits.maxConnections);
  });

  it('reads each setting by its name', () => {
    expect(
      readLimits({
        REQUEST_TIMEOUT_MS: '20000',
        HEADERS_TIMEOUT_MS: '10000',
        KEEP_ALIVE_TIMEOUT_MS: '4000',
        MAX_CONNECTIONS: '500',
        MAX_STREAMS_PER_USER: '3',
        MAX_STREAMS: '200',
        STREAM_BUFFER_BYTES: '131072',
        STREAM_HEARTBEAT_MS: '15000',
        ATTACHMENT_MAX_BYTES: '1048576',
      }),
    ).toEqual({
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 4_000,
      maxConnections: 500,
      streamsPerUser: 3,
      streamsTotal: 200,
      streamBufferBytes: 131_072,
      heartbeatMs: 15_000,
      attachmentMaxBytes: 1_048_576,
    });
  });

  it.each(['0', '-5', 'abc', '1.5', '1e400'])('refuses %s, naming the setting', (value) => {
    expect(() => readLimits({ MAX_CONNECTIONS: value })).toThrow(/MAX_CONNECTIONS/);
  });

  it('an empty value means the default', () => {
    expect(readLimits({ REQUEST_TIMEOUT_MS: '' }).requestTimeoutMs).toBe(defaultLimits.requestTimeoutMs);
  });
});
