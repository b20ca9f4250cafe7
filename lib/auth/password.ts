// Password hashing with scrypt (a slow, memory-hard KDF) and a constant-time comparison.
//
// Requests hash asynchronously: scrypt runs on libuv's thread pool, so the event loop keeps answering other
// requests while sign-ins hash. At most HASH_SLOTS hashes run at once and the rest wait in line: one core
// is left to the event loop (a burst of sign-ins must not starve it of CPU), and two of the pool's four
// threads to file reads and response compression.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";

const N = 16384;
const KEY_LENGTH = 32;
const HASH_SLOTS = Math.min(2, Math.max(1, availableParallelism() - 1));

let running = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

const derive = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  inSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );

const format = (n: number, salt: Buffer, key: Buffer) => `scrypt$${n}$${salt.toString("base64")}$${key.toString("base64")}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(N, salt, await derive(password, salt, KEY_LENGTH, { N }));
}

/** For the seed and command-line tools only: blocks the thread for the whole hash. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(N, salt, scryptSync(password, salt, KEY_LENGTH, { N }));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split("$");
  const cost = Number(n);
  // Only parameters this module writes: a tampered row cannot ask for a huge (or invalid) cost.
  if (scheme !== "scrypt" || cost !== N || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, "base64"), expected.length, { N: cost });
  return timingSafeEqual(actual, expected);
}
