/**
 * `.workout` files: what a shared or saved workout is called on disk, and
 * reading one back (as untrusted input, like a link).
 */
import { MAX_SHARED_BYTES } from '../../share/codec';

/** Characters some file system refuses in a name. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A file name for a workout: its title, made safe for every file system. */
export function workoutFileName(title: string): string {
  const base = title.normalize('NFKC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80).trim();
  return `${base || 'workout'}.workout`;
}

export type FileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads a chosen file as a workout's text, refusing what can't be one. */
export async function readWorkoutFile(file: Blob): Promise<FileRead> {
  if (file.size > MAX_SHARED_BYTES)
    return { ok: false, message: `This file is too large to be a workout (over ${MAX_SHARED_BYTES / 1024} KB). Nothing was changed.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, message: 'This file isn’t text, so it isn’t a workout. Nothing was changed.' };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    return { ok: false, message: 'This file isn’t text, so it isn’t a workout. Nothing was changed.' };
  if (text.trim() === '') return { ok: false, message: 'This file is empty. Nothing was changed.' };
  return { ok: true, text: text.replace(/^\ufeff/, '') };
}
