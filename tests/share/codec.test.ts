import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWorkout, encodeWorkout, fromBase64Url, MAX_SHARED_BYTES, ShareProblem, toBase64Url } from '../../src/share/codec';

const workoutsDir = new URL('../../workouts/', import.meta.url);
const builtIns = readdirSync(workoutsDir)
  .filter((name) => name.endsWith('.workout'))
  .map((name) => ({ name, text: readFileSync(new URL(name, workoutsDir), 'utf8') }));

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function problemOf(payload: string): Promise<string> {
  const decoded = await decodeWorkout(payload);
  if (decoded.ok) throw new Error(`decoded to ${JSON.stringify(decoded.text.slice(0, 40))}`);
  expect(decoded.message.length).toBeGreaterThan(10);
  return decoded.problem;
}

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Buffer.from(text, 'base64url').equals(Buffer.from(bytes))).toBe(true);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('accepts padding, refuses other characters and impossible lengths', () => {
    expect(fromBase64Url('aGk=')).toEqual(new TextEncoder().encode('hi'));
    expect(fromBase64Url('aG+k')).toBe('bad');
    expect(fromBase64Url('aG/k')).toBe('bad');
    expect(fromBase64Url('aGé')).toBe('bad');
    expect(fromBase64Url('aGk<')).toBe('bad');
    expect(fromBase64Url('aGkxa')).toBe('truncated');
  });
});

describe('a workout in a link', () => {
  it('round-trips every built-in workout, compressed where that is shorter', async () => {
    for (const { name, text } of builtIns) {
      const payload = await encodeWorkout(text);
      expect(payload, name).toMatch(/^[zr][A-Za-z0-9_-]+$/);
      expect(await decodeWorkout(payload), name).toEqual({ ok: true, text });
      const raw = 'r' + toBase64Url(new TextEncoder().encode(text));
      expect(payload.length, name).toBeLessThanOrEqual(raw.length);
      // Real workouts repeat words: compression wins for all of them.
      expect(payload[0], name).toBe('z');
    }
  });

  it('keeps a tiny workout raw (compression would make it longer)', async () => {
    const payload = await encodeWorkout('# A\n1m easy');
    expect(payload[0]).toBe('r');
    expect(await decodeWorkout(payload)).toEqual({ ok: true, text: '# A\n1m easy' });
  });

  it('keeps every character: accents, emoji, curly quotes, CRLF, tabs', async () => {
    const text = '# Café 🏊 “Wave”\r\n\t1m sprnt "Hände hoch – ×"\r\n';
    expect(await decodeWorkout(await encodeWorkout(text))).toEqual({ ok: true, text });
  });

  it('carries HTML and script as the text it is', async () => {
    const text = '# <img src=x onerror=alert(1)>\n> <script>alert(1)</script>\n1m easy "</textarea><b>x</b>"';
    expect(await decodeWorkout(await encodeWorkout(text))).toEqual({ ok: true, text });
  });

  it('tolerates the spaces and line breaks a chat app puts into a long link', async () => {
    const text = builtIns[0]!.text;
    const payload = await encodeWorkout(text);
    const wrapped = `${payload.slice(0, 20)}\n ${payload.slice(20, 50)} ${payload.slice(50)}`;
    expect(await decodeWorkout(wrapped)).toEqual({ ok: true, text });
  });
});

describe('hostile and broken links change nothing and say why', () => {
  it('an empty payload', async () => {
    expect(await problemOf('')).toBe(ShareProblem.Empty);
    expect(await problemOf('z')).toBe(ShareProblem.Empty);
    expect(await problemOf('r')).toBe(ShareProblem.Empty);
  });

  it('an unknown format flag', async () => {
    expect(await problemOf('x' + toBase64Url(new TextEncoder().encode('# A')))).toBe(ShareProblem.UnknownFormat);
    expect(await problemOf('<script>')).toBe(ShareProblem.UnknownFormat);
  });

  it('wrong base64', async () => {
    expect(await problemOf('rIyBB+/=')).toBe(ShareProblem.BadCharacters);
    expect(await problemOf('z%3Cscript%3E')).toBe(ShareProblem.BadCharacters);
    expect(await problemOf('rIyBBa')).toBe(ShareProblem.Truncated);
  });

  it('a truncated compressed payload', async () => {
    const payload = await encodeWorkout(builtIns[0]!.text);
    for (const cut of [4, 20, payload.length - 8]) {
      const problem = await problemOf(payload.slice(0, cut - (cut % 4 === 1 ? 1 : 0)));
      expect([ShareProblem.Truncated, ShareProblem.Corrupted]).toContain(problem);
    }
  });

  it('a corrupted compressed payload', async () => {
    // Block type 3 is reserved in deflate: never valid.
    expect(await problemOf('z' + toBase64Url(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x00)))).toBe(ShareProblem.Corrupted);
    // A stored block that claims more bytes than follow.
    expect([ShareProblem.Truncated, ShareProblem.Corrupted]).toContain(await problemOf('z' + toBase64Url(Uint8Array.of(0x01, 0x10, 0x00, 0xef, 0xff, 0x41))));
  });

  it('a payload that inflates past 64 KB (a small link, a huge workout)', async () => {
    const bomb = await deflate(new TextEncoder().encode('# A\n' + '1m easy\n'.repeat(20_000)));
    const payload = 'z' + toBase64Url(bomb);
    expect(payload.length).toBeLessThan(2000);
    expect(await problemOf(payload)).toBe(ShareProblem.TooLarge);
    // Megabytes of zeros: refused after reading 64 KB, without inflating it all.
    const zeros = await deflate(new Uint8Array(50 * 1024 * 1024));
    const started = performance.now();
    expect(await problemOf('z' + toBase64Url(zeros))).toBe(ShareProblem.TooLarge);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a raw payload over 64 KB', async () => {
    expect(await problemOf('r' + toBase64Url(new TextEncoder().encode('#'.repeat(MAX_SHARED_BYTES + 1))))).toBe(ShareProblem.TooLarge);
    expect(await decodeWorkout('r' + toBase64Url(new TextEncoder().encode('#'.repeat(MAX_SHARED_BYTES))))).toMatchObject({ ok: true });
  });

  it('invalid UTF-8, raw or compressed', async () => {
    const bad = Uint8Array.of(0x23, 0x20, 0xc3, 0x28, 0xff, 0xfe);
    expect(await problemOf('r' + toBase64Url(bad))).toBe(ShareProblem.NotText);
    expect(await problemOf('z' + toBase64Url(await deflate(bad)))).toBe(ShareProblem.NotText);
    // A lone surrogate encoded the way no UTF-8 encoder would.
    expect(await problemOf('r' + toBase64Url(Uint8Array.of(0x23, 0xed, 0xa0, 0x80)))).toBe(ShareProblem.NotText);
  });

  it('binary that happens to be valid UTF-8 (control characters)', async () => {
    expect(await problemOf('r' + toBase64Url(Uint8Array.of(0x23, 0x20, 0x41, 0x00, 0x01)))).toBe(ShareProblem.NotText);
  });

  it('an empty or blank text', async () => {
    expect(await problemOf('z' + toBase64Url(await deflate(new Uint8Array(0))))).toBe(ShareProblem.EmptyText);
    expect(await problemOf('r' + toBase64Url(new TextEncoder().encode(' \n\n  ')))).toBe(ShareProblem.EmptyText);
  });

  it('never throws, whatever the payload', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const good = await encodeWorkout(builtIns[1]!.text);
    for (let n = 0; n < 200; n++) {
      const chars = [...good];
      for (let k = 0; k < 1 + random() * 4; k++) chars[Math.floor(random() * chars.length)] = String.fromCharCode(32 + Math.floor(random() * 95));
      const decoded = await decodeWorkout(chars.join(''));
      if (!decoded.ok) expect(decoded.message).toBeTruthy();
    }
  });
});
