/**
 * How the page's sound gets along with other apps' audio, through WebKit's
 * Audio Session API (`navigator.audioSession`, Safari 16.4+; no other browser
 * has it yet, and there this does nothing).
 *
 * - `playback`: a music player's session. Other apps' music pauses, and the
 *   sound goes on with the screen locked (Web Audio is not "interrupted").
 * - `ambient`: sound that mixes with other apps' music. The screen locking and
 *   the Silent switch silence it (Apple, "AVAudioSession.Category.ambient").
 * - `auto`: the browser decides from what the page plays (the default).
 */
export type AudioSessionType = 'auto' | 'playback' | 'ambient';

interface AudioSessionLike {
  type: string;
}

/** Sets the page's audio session type; false where the browser has no Audio Session API (or refused it). */
export function setAudioSessionType(type: AudioSessionType, nav: Navigator = navigator): boolean {
  const session = (nav as Navigator & { audioSession?: AudioSessionLike }).audioSession;
  if (!session) return false;
  try {
    session.type = type;
    return session.type === type;
  } catch {
    return false;
  }
}
