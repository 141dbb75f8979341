import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { HashQueue } from './hash-queue';

/** scrypt (memory-hard, built into Node): N=2^15, r=8, p=1 uses 32 MiB per hash. */
const params = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

/**
 * Every hash in the process goes through one queue: 2 at once (the machine has 2 cores, and
 * libuv's pool of 4 keeps 2 threads for file reads), and sign-in refuses to queue more than 16
 * behind them (~1 s of work), answering 503 with Retry-After instead. Other callers (inviting a
 * user, the CLI, seeds) are rare and signed in, so they simply wait their turn.
 */
export const passwordHashes = new HashQueue(2, 16);

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return passwordHashes.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, keyLength, params, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Hash of a password nobody has, verified against when the email is unknown so timing tells nothing. */
let dummy: string | null = null;
const dummyHash = hashPassword(randomBytes(16).toString('hex')).then((hash) => (dummy = hash));

/**
 * Checks `password` against `stored`, or against the dummy hash when there is no such user.
 * The hash joins the queue before this first yields (once the dummy exists, a few ms after
 * start), so a caller that checked `passwordHashes.full` in the same step keeps its place.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const hash = stored ?? dummy ?? (await dummyHash);
  const [scheme, , , , salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
