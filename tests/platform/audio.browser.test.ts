import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { compile, type Plan } from '../../src/dsl/index';
import { workoutCues, type Cue } from '../../src/engine/cues';
import { Timer } from '../../src/engine/timer';
import { AudioOut, renderCue } from '../../src/platform/audio';
import { CueScheduler, LOOKAHEAD_MS } from '../../src/platform/cue-scheduler';
import lacticAcid from '../../workouts/lactic-acid.workout?raw';

/** Unlocks audio the way the app does: in a tap. */
async function unlockWithTap(audio: AudioOut): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Start';
  let unlocked: Promise<unknown> = Promise.resolve();
  button.addEventListener('click', () => (unlocked = audio.unlock()));
  document.body.append(button);
  await userEvent.click(button);
  await unlocked;
  button.remove();
}

/** Sample indices where sound starts after at least `gap` samples of silence. */
function onsets(data: Float32Array, gap: number): number[] {
  const out: number[] = [];
  let silent = gap;
  for (let i = 0; i < data.length; i++) {
    if (Math.abs(data[i]!) > 1e-7) {
      if (silent >= gap) out.push(i);
      silent = 0;
    } else silent++;
  }
  return out;
}

describe('the cue track, rendered offline', () => {
  it('starts every cue of Lactic acid within 1 sample of the plan', async () => {
    const plan = compile(lacticAcid).plan!;
    const cues = workoutCues(plan, { countdownSeconds: 3 });
    const rate = 4000;
    const seconds = plan.totalSeconds + 3;
    const ctx = new OfflineAudioContext(1, rate * seconds, rate);
    for (const cue of cues) renderCue(ctx, ctx.destination, cue, cue.atMs / 1000);
    const buffer = await ctx.startRendering();
    const found = onsets(buffer.getChannelData(0), rate / 10);
    const planned = [...new Set(cues.map((c) => Math.round((c.atMs / 1000) * rate)))];
    expect(found.length).toBe(planned.length);
    const errors = planned.map((p, k) => Math.abs(found[k]! - p));
    expect(Math.max(...errors)).toBeLessThanOrEqual(1);
    expect(cues.length).toBeGreaterThan(150);
  }, 60_000);
});

describe('the live scheduler', () => {
  it('books every cue ahead of time on the audio clock', async () => {
    const plan: Plan = compile('# T\n2s easy\n2s sprint\n2s rest').plan!;
    const audio = new AudioOut();
    await unlockWithTap(audio);
    const ctx = audio.context!;
    expect(ctx.state).toBe('running');
    const starts: { when: number; at: number }[] = [];
    const original = AudioScheduledSourceNode.prototype.start;
    AudioScheduledSourceNode.prototype.start = function (this: AudioScheduledSourceNode, when?: number) {
      starts.push({ when: when ?? 0, at: ctx.currentTime });
      return original.call(this, when);
    };
    try {
      const clock = { now: () => performance.now() };
      const timer = new Timer(plan, clock);
      const booked: { cue: Cue; when: number | null; at: number }[] = [];
      const scheduler = new CueScheduler({
        timer,
        audio,
        speech: { speak: () => true, cancel: () => undefined, available: false },
        vibrator: { vibrate: () => false } as never,
        options: () => ({ countdownSeconds: 1 }),
        onBooked: (cue, when) => booked.push({ cue, when, at: ctx.currentTime }),
      });
      timer.start();
      const ctxAtStart = ctx.currentTime;
      scheduler.start();
      await new Promise((r) => setTimeout(r, plan.totalSeconds * 1000 + 400));
      scheduler.stop();

      const expected = workoutCues(plan, { countdownSeconds: 1 });
      expect(booked.map((b) => b.cue.id)).toEqual(expected.map((c) => c.id));
      for (const b of booked) {
        expect(b.when).not.toBeNull();
        // Everything but the start tone of the Start tap itself is booked ahead; from the
        // second tick on, well ahead (1.5 s by design: LOOKAHEAD_MS - TICK_MS; the margin absorbs a loaded machine).
        if (b.cue.atMs > 0) expect(b.when!).toBeGreaterThan(b.at);
        if (b.cue.atMs >= 1500) expect(b.when! - b.at).toBeGreaterThan(0.5);
        // Mapped onto the audio clock where the plan puts it (tolerance: render-quantum jitter on a
        // loaded machine; `npm run bench -- timer` reports the real spread, a few ms).
        expect(Math.abs(b.when! - ctxAtStart - b.cue.atMs / 1000)).toBeLessThan(0.1);
      }
      expect(starts.length).toBeGreaterThanOrEqual(booked.length);
      // Every start(when) after the tap's own moment was called before its time came.
      for (const s of starts.filter((s) => s.when > ctxAtStart + 0.1)) expect(s.when).toBeGreaterThan(s.at);
    } finally {
      AudioScheduledSourceNode.prototype.start = original;
      await audio.close();
    }
  }, 20_000);

  it('drops cues whose time has passed instead of playing them in a burst', async () => {
    const plan: Plan = compile('# T\n10s easy\n10s sprint').plan!;
    let now = 0;
    const timer = new Timer(plan, { now: () => now });
    const audio = new AudioOut();
    await unlockWithTap(audio);
    const booked: string[] = [];
    const scheduler = new CueScheduler({
      timer,
      audio,
      speech: { speak: () => true, cancel: () => undefined, available: false },
      vibrator: { vibrate: () => false } as never,
      options: () => ({ countdownSeconds: 3 }),
      onBooked: (cue) => booked.push(cue.id),
    });
    timer.start();
    scheduler.tick();
    // The page was away for 15 s: the countdown and the sprint start are gone.
    now = 15_000;
    scheduler.reschedule();
    // Nothing that was due while it was away (the countdown into the sprint, the sprint's start):
    // only the sprint's own countdown at 17 s, if the look-ahead reaches it yet.
    const countdown = 17_000 < now + LOOKAHEAD_MS ? ['1:countdown:3'] : [];
    expect(booked).toEqual(['0:start:0', ...countdown]);
    now = 16_400;
    scheduler.tick();
    // Later ticks book the sprint's countdown as it comes into reach, still nothing from the past.
    expect(booked.slice(0, 2)).toEqual(['0:start:0', '1:countdown:3']);
    expect(booked.filter((id) => id.startsWith('0:countdown') || id.startsWith('1:start'))).toEqual([]);
    scheduler.stop();
    await audio.close();
  });
});
