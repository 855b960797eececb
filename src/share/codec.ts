/**
 * A workout inside a link. The text travels in the URL's fragment (which no
 * server ever sees) as one flag character and base64url:
 *
 * - `z` + base64url(deflate-raw(UTF-8 text)), when compressing makes it shorter;
 * - `r` + base64url(UTF-8 text), otherwise (short workouts).
 *
 * Decoding never throws for what it is given: a link is untrusted input, and
 * every way it can be broken (cut short, wrong characters, a payload that
 * inflates to megabytes, bytes that aren't UTF-8, nothing at all) comes back
 * as a problem with a message for the person who opened it. Pure: only
 * platform globals that browsers and Node share (CompressionStream,
 * TextEncoder), no DOM.
 */

/** The largest workout a link may carry, in UTF-8 bytes (the language's own limit). */
export const MAX_SHARED_BYTES = 64 * 1024;

/** The payload's first character: how the rest is encoded. */
export const ShareFlag = {
  Deflated: 'z',
  Raw: 'r',
} as const;
export type ShareFlag = (typeof ShareFlag)[keyof typeof ShareFlag];

/** Why a link could not be read. */
export const ShareProblem = {
  Empty: 'empty',
  UnknownFormat: 'unknown-format',
  BadCharacters: 'bad-characters',
  Truncated: 'truncated',
  Corrupted: 'corrupted',
  TooLarge: 'too-large',
  NotText: 'not-text',
  EmptyText: 'empty-text',
} as const;
export type ShareProblem = (typeof ShareProblem)[keyof typeof ShareProblem];

const MESSAGES: Readonly<Record<ShareProblem, string>> = {
  [ShareProblem.Empty]: 'This link carries no workout. Ask for the link again.',
  [ShareProblem.UnknownFormat]: 'This link isn’t an Aquajog workout link, or it was made by a newer version of Aquajog.',
  [ShareProblem.BadCharacters]: 'This link is damaged: it has characters a workout link never has. Ask for the link again.',
  [ShareProblem.Truncated]: 'This link was cut short, so the workout in it is incomplete. Ask for the whole link again, or for the file.',
  [ShareProblem.Corrupted]: 'This link is damaged and its workout can’t be read. Ask for the link again, or for the file.',
  [ShareProblem.TooLarge]: `The workout in this link is too long (over ${MAX_SHARED_BYTES / 1024} KB), so it wasn’t opened.`,
  [ShareProblem.NotText]: 'This link doesn’t hold text, so it isn’t a workout. Ask for the link again.',
  [ShareProblem.EmptyText]: 'The workout in this link is empty.',
};

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: ShareProblem; readonly message: string };

function fail(problem: ShareProblem): Decoded {
  return { ok: false, problem, message: MESSAGES[problem] };
}

/** The payload for a workout's text: compressed when that is shorter. */
export async function encodeWorkout(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const raw = ShareFlag.Raw + toBase64Url(bytes);
  const deflated = ShareFlag.Deflated + toBase64Url(await deflateRaw(bytes));
  return deflated.length < raw.length ? deflated : raw;
}

/** The workout text in a payload, or why there is none. */
export async function decodeWorkout(payload: string): Promise<Decoded> {
  // Chat apps and mail wrap long links and add spaces or newlines; the alphabet has neither.
  const clean = payload.replace(/\s+/g, '');
  if (clean === '') return fail(ShareProblem.Empty);
  const flag = clean[0];
  if (flag !== ShareFlag.Deflated && flag !== ShareFlag.Raw) return fail(ShareProblem.UnknownFormat);
  const body = clean.slice(1);
  if (body === '') return fail(ShareProblem.Empty);
  const bytes = fromBase64Url(body);
  if (bytes === 'bad') return fail(ShareProblem.BadCharacters);
  if (bytes === 'truncated') return fail(ShareProblem.Truncated);
  let data: Uint8Array;
  if (flag === ShareFlag.Raw) {
    if (bytes.length > MAX_SHARED_BYTES) return fail(ShareProblem.TooLarge);
    data = bytes;
  } else {
    const inflated = await inflateRaw(bytes, MAX_SHARED_BYTES);
    if (typeof inflated === 'string') return fail(inflated);
    data = inflated;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return fail(ShareProblem.NotText);
  }
  // NUL and other control characters (bar tab, CR, LF) don't appear in a text file.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return fail(ShareProblem.NotText);
  if (text.trim() === '') return fail(ShareProblem.EmptyText);
  return { ok: true, text };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (left === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * base64url (padding allowed, not needed), strictly: any other character is
 * 'bad'; a length no encoder makes (one character past a group) is 'truncated'.
 */
export function fromBase64Url(text: string): Uint8Array | 'bad' | 'truncated' {
  const body = text.replace(/={1,2}$/, '');
  const values = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) return 'bad';
    values[i] = v;
  }
  if (body.length % 4 === 1) return 'truncated';
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < body.length; i += 4) {
    const n = (values[i]! << 18) | (values[i + 1]! << 12) | (values[i + 2]! << 6) | values[i + 3]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const left = body.length - i;
  if (left >= 2) {
    const n = (values[i]! << 18) | (values[i + 1]! << 12) | (left === 3 ? values[i + 2]! << 6 : 0);
    out[o] = n >> 16;
    if (left === 3) out[o + 1] = (n >> 8) & 255;
  }
  return out;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, reading no further than `limit` bytes of output (a small link can hold a huge payload). */
async function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array | ShareProblem> {
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  // Errors surface on the reading side too; these two only need to be observed.
  writer.write(bytes as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return ShareProblem.TooLarge;
      }
      chunks.push(value);
    }
  } catch (error) {
    return /unexpected end|incomplete|truncat/i.test(String((error as Error)?.message)) ? ShareProblem.Truncated : ShareProblem.Corrupted;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
