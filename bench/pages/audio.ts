/**
 * Bench page (served by Vite's dev server, driven by bench/timer.ts): renders
 * the whole cue track of a built-in workout with OfflineAudioContext, using the
 * app's own cue plan and tone code, and finds where each sound starts. Cues are
 * booked all upfront (as tests/platform/audio.browser.test.ts does) or each
 * 1.5 s before it is due (as the live scheduler does; much faster to render).
 */
import { compile } from '../../src/dsl/index';
import { workoutCues } from '../../src/engine/cues';
import { renderCue } from '../../src/platform/audio';

/** How far ahead of its time a cue is booked when booking lazily (the app's scheduler: 1.5 s). */
const LOOKAHEAD_S = 1.5;

const sources = import.meta.glob<string>('/workouts/*.workout', { query: '?raw', import: 'default', eager: true });

/** Sample indices where sound starts after at least `gap` samples of silence (as tests/platform/audio.browser.test.ts). */
export function onsets(data: Float32Array, gap: number): number[] {
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

export interface RenderResult {
  readonly title: string;
  readonly totalSeconds: number;
  readonly rate: number;
  readonly cues: number;
  /** Distinct planned onsets (cues sharing a sample start one sound). */
  readonly planned: number;
  readonly found: number;
  /** Planned onsets with no detected onset within half a second. */
  readonly unmatched: number;
  /** onset - planned of each matched onset, in samples (> 0: late; fractional where the plan falls between samples). */
  readonly errors: number[];
  readonly renderMs: number;
}

/** Renders workout `id` (file name without .workout) at `rate` Hz and measures every onset. */
async function renderWorkout(id: string, rate: number, lazy = false): Promise<RenderResult> {
  const source = sources[`/workouts/${id}.workout`];
  if (source === undefined) throw new Error(`no workout ${id}`);
  const plan = compile(source).plan;
  if (!plan) throw new Error(`${id} does not compile`);
  const cues = workoutCues(plan, { countdownSeconds: 3 });
  const seconds = plan.totalSeconds + 3;
  const ctx = new OfflineAudioContext(1, Math.ceil(rate * seconds), rate);
  if (lazy) {
    // Book each cue shortly before it is due, as the live look-ahead scheduler does, so the graph
    // holds a few tones at a time (rendering hundreds of idle ones is what makes an upfront graph slow).
    const quantum = 128 / rate;
    const groups = new Map<number, typeof cues>();
    for (const cue of cues) {
      const at = Math.max(0, Math.floor((cue.atMs / 1000 - LOOKAHEAD_S) / quantum) * quantum);
      groups.set(at, [...(groups.get(at) ?? []), cue]);
    }
    for (const [at, group] of groups) {
      const book = () => group.forEach((cue) => renderCue(ctx, ctx.destination, cue, cue.atMs / 1000));
      if (at === 0) book();
      else void ctx.suspend(at).then(() => (book(), ctx.resume()));
    }
  } else {
    for (const cue of cues) renderCue(ctx, ctx.destination, cue, cue.atMs / 1000);
  }
  const t0 = performance.now();
  const buffer = await ctx.startRendering();
  const renderMs = performance.now() - t0;
  const found = onsets(buffer.getChannelData(0), rate / 10);
  const planned = [...new Set(cues.map((c) => c.atMs))].sort((a, b) => a - b).map((ms) => (ms / 1000) * rate);
  // Pair each planned onset with the nearest detected one (both sorted: a moving pointer).
  const errors: number[] = [];
  let unmatched = 0;
  let j = 0;
  for (const p of planned) {
    while (j + 1 < found.length && Math.abs(found[j + 1]! - p) <= Math.abs(found[j]! - p)) j++;
    const e = found.length > 0 ? found[j]! - p : Infinity;
    if (Math.abs(e) <= rate / 2) errors.push(e);
    else unmatched++;
  }
  return {
    title: plan.title,
    totalSeconds: plan.totalSeconds,
    rate,
    cues: cues.length,
    planned: planned.length,
    found: found.length,
    unmatched,
    errors,
    renderMs,
  };
}

declare global {
  interface Window {
    renderWorkout: typeof renderWorkout;
    benchReady: boolean;
  }
}

window.renderWorkout = renderWorkout;
window.benchReady = true;
