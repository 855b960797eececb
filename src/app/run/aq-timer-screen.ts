import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cssProps } from '../shared/css-props';
import { formatClock, roundText, sideLabel, targetText } from '../../dsl/index';
import type { Interval, Plan } from '../../dsl/plan';
import { announce } from '../../engine/cues';
import { RepPhase, type RepState, type TimerState } from '../../engine/timer';
import { registerTimerFonts } from '../../styles/fonts';
import { sharedStyles } from '../../styles/shared';
import { TimerController, type TickingHost } from './timer-controller';
import { UNDO_END_MS, type WorkoutSession } from './workout-session';

/** How long the Unlock button must be held. */
export const UNLOCK_HOLD_MS = 2000;

// The faces load with the app, so they are ready (from the precache) before the first Start.
registerTimerFonts();

/** `M:SS` of a countdown: shows 1:00 for the whole first second, 0:01 for the last. */
export function clockOf(ms: number): string {
  return formatClock(Math.ceil(ms / 1000));
}

/**
 * The word for a tempo phase. An isometric hold moves nothing: its first
 * phase is pushing into the hold, its last letting go, never "up" and "down".
 */
export function phaseText(interval: Interval, phase: RepState['phase']): string {
  if (phase === RepPhase.Hold) return 'Hold';
  if (/\bisometric\b/i.test(interval.label)) return phase === RepPhase.Up ? 'Push' : 'Let go';
  return phase === RepPhase.Up ? 'Up' : 'Down';
}

/**
 * What the planned time left leaves out: " + reps" while sets counted by Done
 * (reps, steps) are still ahead; nothing when only open steps remain (a
 * stretch session's "get ready" step has no reps).
 */
export function untimedAheadText(plan: Plan, index: number): string {
  return plan.intervals.slice(index).some((i) => i.duration === null && (i.amount === 'reps' || i.amount === 'steps')) ? ' + reps' : '';
}

/**
 * The time left as the big digits show it: minutes and seconds apart (hours
 * stay with the minutes), and which layout they take.
 */
function clockParts(ms: number): { readonly minutes: string; readonly seconds: string; readonly kind: string } {
  const text = clockOf(ms);
  const cut = text.lastIndexOf(':');
  const minutes = text.slice(0, cut);
  // An hour or more (H:MM over SS): rare, and narrower so it still fits.
  const kind = minutes === '0' ? 'seconds' : minutes.includes(':') ? 'minutes hours' : 'minutes';
  return { minutes, seconds: text.slice(cut + 1), kind };
}

/** How many digits and colons a clock of `ms` has: the size of the box that shows it. */
function clockShape(ms: number): { readonly '--digits': number; readonly '--colons': number } {
  const text = clockOf(ms);
  const colons = text.split(':').length - 1;
  return { '--digits': text.length - colons, '--colons': colons };
}

/** Sets an element's text, changing its one text node in place (no new node, no childList change). */
function writeText(el: Element | null, text: string): void {
  if (!el) return;
  const node = el.firstChild;
  if (node instanceof Text && node === el.lastChild) {
    if (node.data !== text) node.data = text;
  } else el.textContent = text;
}

/** The least time a step of the progress bar lasts, in a workout long enough for a hundred such steps. */
const BAR_STEP_MIN_MS = 3000;

/**
 * Steps of the progress bar: a thousandth of the workout (under half a pixel
 * on a phone), but no step shorter than BAR_STEP_MIN_MS, so the bar is redrawn
 * every few seconds at most (each move restyles it and redraws its layer), and
 * never coarser than the percentage beside it: a short workout's bar moves in
 * steps of a percent or less.
 */
export function barSteps(totalMs: number): number {
  return Math.max(100, Math.min(1000, Math.floor(totalMs / BAR_STEP_MIN_MS)));
}

function amountText(i: Interval): string {
  if (i.amount === 'open') return 'Until you tap Done';
  if (i.amount === 'reps' || i.amount === 'steps') {
    const count = i.reps === null ? i.amount : `${i.reps} ${i.amount}`;
    return i.duration === null ? count : `${count} · ${formatClock(i.duration)}`;
  }
  return formatClock(i.duration ?? 0);
}

/**
 * The poolside timer: readable from 3 m, run with wet hands.
 *
 * The current zone's colour fills the screen; the time left fills most of it,
 * in a tall condensed face: minutes over seconds in portrait, one line in
 * landscape, the seconds alone in the last minute. Tempo reps show the phase
 * and its seconds instead, and the rep. Paused puts a thick frame round the
 * screen and a bar across it. Pause / Resume and Done are the biggest targets;
 * End asks first, then waits UNDO_END_MS with Undo before it really ends. Lock
 * makes the whole screen ignore touches until Unlock is held for 2 seconds.
 *
 * @fires aq-run-end - The workout finished or was ended (detail: the final state); never during End's undo window.
 * @cssprop --aq-zone-* - Zone colours; the screen takes the current zone's.
 * @cssprop --aq-on-zone - Text colour on a zone colour.
 * @cssprop --aq-on-zone-focus - The focus ring on a zone colour.
 * @cssprop --aq-font-digits - The face of the time left, zone names and phases.
 * @cssprop --aq-font-legible - The face of every other word.
 */
@customElement('aq-timer-screen')
export class AqTimerScreen extends LitElement implements TickingHost {
  static override styles = [
    sharedStyles,
    css`
      :host {
        --zone: var(--aq-zone-work);
        position: relative;
        display: block;
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--zone);
        color: var(--aq-on-zone);
        font-family: var(--aq-font-legible);
        font-weight: 700;
        user-select: none;
        -webkit-user-select: none;
        touch-action: manipulation;
      }
      .screen :focus-visible,
      .lock :focus-visible,
      .confirm :focus-visible {
        outline: 4px solid var(--aq-on-zone-focus);
        outline-offset: 3px;
      }
      .banner :focus-visible {
        outline-color: var(--aq-color-focus);
      }
      .screen {
        display: grid;
        grid-template-areas: 'head' 'info' 'centre' 'next' 'controls';
        grid-template-rows: auto auto minmax(0, 1fr) auto auto;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-2);
        /* A fixed height: the clock takes whatever the rest leaves, and nothing scrolls. */
        height: 100vh;
        height: 100dvh;
        padding: max(var(--aq-space-2), env(safe-area-inset-top)) max(var(--aq-space-3), env(safe-area-inset-right))
          max(var(--aq-space-3), env(safe-area-inset-bottom)) max(var(--aq-space-3), env(safe-area-inset-left));
        overflow: hidden;
      }
      /* Paused, from across the pool: a thick frame round everything, and the bar below. */
      .screen.paused {
        box-shadow: inset 0 0 0 var(--aq-space-3) var(--aq-on-zone);
        padding-inline: max(var(--aq-space-5), env(safe-area-inset-left));
      }
      .head {
        grid-area: head;
        display: grid;
        gap: var(--aq-space-2);
        min-width: 0;
      }
      .banners {
        display: grid;
        gap: var(--aq-space-2);
      }
      .info {
        grid-area: info;
        display: grid;
        justify-items: center;
        text-align: center;
        min-width: 0;
      }
      .centre {
        grid-area: centre;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        text-align: center;
        min-height: 0;
        min-width: 0;
      }
      .next-area {
        grid-area: next;
        display: grid;
        gap: var(--aq-space-1);
        min-width: 0;
      }
      .controls {
        grid-area: controls;
        display: grid;
        grid-template-columns: 1fr 1.6fr 1fr;
        gap: var(--aq-space-2);
      }
      .top {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        align-items: center;
        gap: var(--aq-space-2);
      }
      .where {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-items: center;
        gap: var(--aq-space-1) var(--aq-space-3);
        font-size: clamp(var(--aq-text-md), 5.5vw, var(--aq-text-xl));
        line-height: var(--aq-leading-tight);
        text-align: center;
      }
      .side {
        padding: 0 var(--aq-space-3);
        border-radius: var(--aq-radius-pill);
        background: var(--aq-on-zone);
        color: var(--zone);
        font-size: clamp(var(--aq-text-xl), 9vw, 2.5rem);
        line-height: 1.1;
        text-transform: uppercase;
      }
      .paused-bar {
        display: flex;
        justify-content: center;
        align-items: center;
        gap: var(--aq-space-3);
        padding: 0 var(--aq-space-3);
        border-radius: var(--aq-radius-2);
        background: var(--aq-on-zone);
        color: var(--zone);
        font-family: var(--aq-font-digits);
        font-size: clamp(2rem, 11vw, 3.25rem);
        line-height: 1.15;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .paused-bar .bars {
        display: flex;
        gap: 0.14em;
      }
      .paused-bar .bars::before,
      .paused-bar .bars::after {
        content: '';
        width: 0.16em;
        height: 0.62em;
        background: currentColor;
      }
      .zone {
        font-family: var(--aq-font-digits);
        font-size: clamp(2.25rem, min(13vw, 7vh), 4.5rem);
        font-weight: 700;
        line-height: 1;
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .label {
        font-size: clamp(var(--aq-text-lg), 6.5vw, 2.25rem);
        line-height: var(--aq-leading-tight);
        overflow-wrap: anywhere;
      }
      .target,
      .small {
        font-size: var(--aq-text-lg);
        line-height: var(--aq-leading-tight);
      }
      /* The time left fills what is left of the screen: sized in container units of this box. */
      .clock {
        flex: 1 1 0;
        min-height: 0;
        width: 100%;
        container-type: size;
        position: relative;
      }
      /*
       * The digits' own box, the clock's size whatever they show: out of the flow and size-contained, so a new
       * second lays out what is inside it and nothing around it.
       */
      .fit {
        position: absolute;
        inset: 0;
        contain: size layout style;
        display: grid;
        place-items: center;
      }
      .digits {
        display: grid;
        justify-items: end;
        font-family: var(--aq-font-digits);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 0.76;
        white-space: nowrap;
      }
      .digits > span {
        display: flex;
        align-items: baseline;
      }
      /*
       * Barlow Condensed: a digit is 0.73 em tall and at most 0.46 em wide.
       * Portrait, minutes over seconds: two lines of 0.76 em in the height
       * (and the ink of the lower line reaches 0.03 em below its line box);
       * two digits (under 1 em) and the unit (under 2.5rem) in the width.
       */
      .digits.minutes {
        font-size: min(63cqh, 100cqw - 2.5rem);
      }
      .digits.seconds {
        font-size: min(126cqh, 100cqw - 2.5rem);
      }
      .digits.hours {
        font-size: min(63cqh, (100cqw - 2.5rem) * 0.55);
      }
      .digits.hours .mm::after {
        content: none;
      }
      .digits .colon {
        display: none;
      }
      /* Units from CSS: the text stays "9:30" for everything that reads it; '/ ""' keeps them out of the accessible name. */
      .digits.minutes .mm::after {
        content: 'min' / '';
      }
      .digits .ss::after {
        content: 'sec' / '';
      }
      .digits .mm::after,
      .digits .ss::after {
        margin-inline-start: 0.04em;
        font-family: var(--aq-font-legible);
        font-size: var(--aq-text-md);
        line-height: 1;
      }
      .digits.seconds .mm {
        display: none;
      }
      .digits.phase {
        font-size: min(115cqh, 150cqw);
      }
      .phase-word {
        font-family: var(--aq-font-digits);
        font-size: clamp(3rem, min(20vw, 11vh), 7rem);
        line-height: 0.95;
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .rep {
        font-size: clamp(var(--aq-text-xl), min(10vw, 6vh), 3.5rem);
        line-height: var(--aq-leading-tight);
      }
      .count {
        font-family: var(--aq-font-digits);
        text-transform: uppercase;
        font-size: clamp(3rem, min(24vw, 14vh), 8rem);
        line-height: 1;
      }
      .next {
        font-size: clamp(var(--aq-text-md), 5vw, var(--aq-text-xl));
        line-height: var(--aq-leading-tight);
        text-align: center;
        overflow-wrap: anywhere;
      }
      .progress {
        display: grid;
        gap: var(--aq-space-1);
        font-size: var(--aq-text-md);
        line-height: var(--aq-leading-tight);
      }
      .bar {
        height: 0.8rem;
        border-radius: var(--aq-radius-pill);
        border: 2px solid currentColor;
        overflow: hidden;
      }
      .bar > div {
        height: 100%;
        background: currentColor;
        transform-origin: left;
      }
      .progress-text {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 var(--aq-space-3);
      }
      /*
       * The workout's time left and percentage, which change every second or few, each in a box of its own as
       * wide as its widest digits (a digit is at most 1ch, a colon well under 0.35em): a change lays out nothing
       * around it.
       */
      .ticker {
        display: inline-block;
        contain: strict;
        width: calc(var(--digits) * 1ch + var(--colons) * 0.35em);
        height: 1lh;
        vertical-align: top;
        text-align: end;
        white-space: nowrap;
      }
      button {
        min-width: var(--aq-tap-min);
        min-height: var(--aq-tap-min);
        padding: var(--aq-space-1) var(--aq-space-2);
        border: 3px solid currentColor;
        border-radius: var(--aq-radius-2);
        background: var(--aq-on-zone-surface);
        color: var(--aq-on-zone);
        font: inherit;
        font-size: clamp(var(--aq-text-md), 5.5vw, var(--aq-text-lg));
        line-height: var(--aq-leading-tight);
        cursor: pointer;
      }
      .controls button {
        min-height: 4.75rem;
      }
      button.primary {
        background: var(--aq-on-zone);
        color: var(--zone);
      }
      .controls .primary {
        font-size: clamp(var(--aq-text-lg), 7vw, 2rem);
      }
      .done {
        width: min(100%, 28rem);
        flex: 0 1 auto;
        min-height: 6rem;
        font-family: var(--aq-font-digits);
        font-size: clamp(3rem, 16vw, 5rem);
        text-transform: uppercase;
        margin-block: var(--aq-space-2);
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--aq-space-2);
        padding: var(--aq-space-2) var(--aq-space-3);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        line-height: var(--aq-leading-tight);
      }
      .banner button {
        background: var(--aq-color-surface-alt);
        color: var(--aq-color-text);
        font-size: var(--aq-text-md);
      }
      /* End's confirmation and its undo window: over everything, in the zone's inverse. */
      .confirm {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        align-content: center;
        justify-items: center;
        gap: var(--aq-space-4);
        padding: var(--aq-space-4);
        background: var(--zone);
        color: var(--aq-on-zone);
        text-align: center;
      }
      .confirm h2 {
        font-family: var(--aq-font-digits);
        font-size: clamp(2.5rem, 12vw, 4.5rem);
        text-transform: uppercase;
        line-height: 1;
      }
      .confirm p {
        font-size: var(--aq-text-lg);
        line-height: var(--aq-leading-tight);
      }
      .confirm .choices {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--aq-space-3);
        width: min(100%, 32rem);
      }
      .confirm button {
        min-height: 5.5rem;
        font-size: clamp(var(--aq-text-lg), 6vw, var(--aq-text-xl));
      }
      .confirm .undo {
        width: min(100%, 32rem);
        min-height: 7rem;
        font-family: var(--aq-font-digits);
        font-size: clamp(3rem, 16vw, 5rem);
        text-transform: uppercase;
      }
      .countdown {
        width: min(100%, 32rem);
        height: 0.8rem;
        border: 2px solid currentColor;
        border-radius: var(--aq-radius-pill);
        overflow: hidden;
      }
      .countdown > div {
        height: 100%;
        background: currentColor;
        transform-origin: left;
        animation: drain var(--undo-ms) linear forwards;
      }
      @keyframes drain {
        from {
          transform: scaleX(1);
        }
        to {
          transform: scaleX(0);
        }
      }
      .lock {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: flex;
        flex-direction: column;
        justify-content: flex-end;
        align-items: center;
        gap: var(--aq-space-3);
        padding: var(--aq-space-5) var(--aq-space-4) max(var(--aq-space-6), env(safe-area-inset-bottom));
        background: transparent;
        touch-action: none;
      }
      .lock p {
        padding: var(--aq-space-2) var(--aq-space-4);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font-size: var(--aq-text-lg);
        text-align: center;
      }
      .unlock {
        position: relative;
        overflow: hidden;
        width: min(100%, 24rem);
        min-height: 4.75rem;
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        border-color: var(--aq-color-text);
        font-size: var(--aq-text-xl);
      }
      .unlock .fill {
        position: absolute;
        inset: 0;
        background: var(--aq-color-highlight);
        transform: scaleX(var(--held, 0));
        transform-origin: left;
        transition: transform 100ms linear;
      }
      .unlock span {
        position: relative;
      }
      .finished {
        display: grid;
        justify-items: center;
        align-content: center;
        gap: var(--aq-space-3);
        padding: var(--aq-space-6) var(--aq-space-4);
        text-align: center;
        overflow-wrap: anywhere;
      }
      .finished h1 {
        font-family: var(--aq-font-digits);
        font-size: clamp(2.5rem, 13vw, 4.5rem);
        text-transform: uppercase;
        line-height: 1;
      }
      .finished .label {
        max-width: 100%;
      }

      /* Landscape on a phone: the clock on the left, full height; words on the right; buttons across the bottom. */
      @media (orientation: landscape) and (max-height: 50rem) {
        /* End bottom left, Lock bottom right, far apart; the clock has the whole height above the buttons. */
        .screen {
          grid-template-areas:
            'banners banners banners banners'
            'paused paused where where'
            'centre centre info info'
            'centre centre next next'
            'end controls controls lock';
          grid-template-columns: auto minmax(0, 1.3fr) minmax(0, 1fr) auto;
          grid-template-rows: auto auto minmax(0, 1fr) auto auto;
          column-gap: var(--aq-space-3);
          row-gap: var(--aq-space-2);
        }
        .head,
        .top {
          display: contents;
        }
        .banners {
          grid-area: banners;
        }
        .end-button {
          grid-area: end;
        }
        .lock-button {
          grid-area: lock;
        }
        .top > button {
          min-height: 4.75rem;
        }
        .where {
          grid-area: where;
          justify-content: flex-start;
        }
        .paused-bar {
          grid-area: paused;
        }
        .info {
          align-content: center;
          justify-items: start;
          text-align: start;
          min-height: 0;
        }
        /* Tempo: the phase's seconds fill the left, its name and the rep beside them. */
        .centre.rep-set {
          display: grid;
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          grid-template-rows: minmax(0, 1fr) auto auto minmax(0, 1fr);
          grid-template-areas: 'clock .' 'clock word' 'clock rep' 'clock set';
          align-items: end;
          column-gap: var(--aq-space-3);
        }
        .rep-set .clock {
          grid-area: clock;
          height: 100%;
        }
        .rep-set .phase-word {
          grid-area: word;
        }
        .rep-set .rep {
          grid-area: rep;
        }
        .rep-set .small {
          grid-area: set;
          align-self: start;
        }
        .next {
          text-align: start;
          font-size: var(--aq-text-md);
        }
        .zone {
          font-size: clamp(2rem, 13vh, 4rem);
        }
        .label {
          font-size: clamp(var(--aq-text-md), 7vh, 2rem);
        }
        .where {
          font-size: var(--aq-text-lg);
        }
        .side {
          font-size: clamp(var(--aq-text-lg), 8vh, var(--aq-text-2xl));
        }
        .paused-bar {
          font-size: clamp(1.75rem, 10vh, 2.75rem);
        }
        /* One line, M:SS: the colon back, no units. */
        .digits.minutes {
          display: flex;
          align-items: baseline;
          font-size: min(118cqh, 50cqw);
        }
        .digits.minutes .colon {
          display: inline;
        }
        .digits.minutes .mm::after,
        .digits.minutes .ss::after {
          content: none;
        }
        .digits.seconds {
          font-size: min(118cqh, 70cqw);
        }
        .digits.hours {
          font-size: min(118cqh, 30cqw);
        }
        .controls button {
          min-height: 4.75rem;
        }
        .phase-word {
          font-size: clamp(2.5rem, 16vh, 5rem);
        }
        .rep {
          font-size: clamp(var(--aq-text-lg), 9vh, 2.5rem);
        }
        .count {
          font-size: clamp(2.5rem, 18vh, 6rem);
        }
        .done {
          min-height: 4.75rem;
          font-size: clamp(2.5rem, 14vh, 4rem);
        }
        .confirm {
          gap: var(--aq-space-3);
        }
        .confirm button {
          min-height: 4.75rem;
        }
        .confirm .undo {
          min-height: 5rem;
        }
        .lock {
          align-items: flex-end;
        }
        .lock p,
        .unlock {
          width: min(100%, 22rem);
        }
        .lock p {
          font-size: var(--aq-text-md);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .unlock .fill {
          transition: none;
        }
        .countdown > div {
          animation: none;
        }
      }
    `,
  ];

  /** The run to show. */
  @property({ attribute: false }) session: WorkoutSession | null = null;
  /** Maximum heart rate, to show bpm targets. */
  @property({ attribute: false }) hrMax: number | null = null;

  /** A storage problem to show while running (progress isn't being saved). */
  @property({ attribute: false }) saveProblem: string | null = null;

  @state() private _locked = false;
  @state() private _held = 0;
  @state() private _soundBlocked = false;
  /** End was pressed: asking whether to end. */
  @state() private _confirming = false;
  /** End was confirmed: the session waits out the undo window. */
  @state() private _ending = false;

  private readonly _timer = new TimerController(this);
  /** What the last full render drew from the timer's state, apart from the ticking texts (see _shapeOf). */
  private _shape = '';
  /** The nodes whose text changes every second, from the last full render. */
  private _ticking: { readonly [K in 'mm' | 'ss' | 'phase' | 'set' | 'soFar' | 'left' | 'pct' | 'meter' | 'bar']: HTMLElement | null } | null = null;
  /** The progress bar's step as drawn, or -1 before the bar is drawn. */
  private _barStep = -1;
  private _zoneToken = '';
  private _holdStart: number | null = null;
  private _holdTimer: ReturnType<typeof setInterval> | null = null;
  private _offSession: (() => void) | null = null;
  private _endFired = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopHold();
    this._offSession?.();
    this._offSession = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session && !this._offSession) this._listen(this.session);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this._offSession?.();
      this._offSession = null;
      this._timer.timer = this.session?.timer ?? null;
      this._timer.pulse = this.session?.pulse ?? null;
      if (this.session) this._listen(this.session);
      this._endFired = false;
      this._confirming = false;
    }
  }

  private _listen(session: WorkoutSession): void {
    const read = () => {
      this._soundBlocked = session.soundBlocked;
      const wasEnding = this._ending;
      this._ending = session.ending;
      // Undone (or resumed from the headphones): focus on Pause / Resume, where the run goes on.
      if (wasEnding && !this._ending) this._focusAfterUpdate('.toggle');
    };
    this._offSession = session.onChange(read);
    read();
  }

  /**
   * Everything the screen draws from the timer's state except the texts that
   * change every second and the bar: while this stays the same, the timer's
   * once-a-second redraw rewrites only those (_tick), with no render.
   */
  private _shapeOf(s: TimerState): string {
    const rep = s.rep ? `${s.rep.index} ${s.rep.phase}` : '';
    const kind = s.rep || s.awaitingDone ? '' : clockParts(s.intervalRemainingMs ?? 0).kind;
    const left = clockShape(s.remainingMs);
    const pct = String(Math.round(s.progress * 100));
    return `${s.status} ${s.index} ${s.awaitingDone} ${rep} ${kind} ${pct.length} ${left['--digits']} ${left['--colons']}`;
  }

  /**
   * A new second from the TimerController: when it changes only the ticking
   * texts, they are written in place (_tick) with no update cycle at all.
   */
  tickInPlace(s: TimerState): boolean {
    if (this.isUpdatePending || !this.hasUpdated || !this.session || this._shape === '' || this._shapeOf(s) !== this._shape) return false;
    this._tick(s);
    return true;
  }

  /** A redraw the timer asked for (no property changed) that changes only ticking texts is done by _tick alone. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const s = this._timer.state;
    if (changed.size === 0 && this.hasUpdated && s && this.session && this._shape !== '' && this._shapeOf(s) === this._shape) {
      this._tick(s);
      return false;
    }
    return true;
  }

  /**
   * Writes what changes every second straight into its nodes: the time left
   * (or the phase's seconds, or the time so far), the workout's time left, its
   * percentage and the bar. Mostly only text nodes' data change (the bar moves
   * a thousandth at a time), each in a box of its own, so the frame restyles
   * next to nothing and lays out only those boxes. The render leaves these
   * nodes empty: Lit never writes them, so what it remembers can't go stale.
   */
  private _tick(s: TimerState): void {
    const t = this._ticking;
    if (!t) return;
    if (s.rep) {
      writeText(t.phase, String(Math.ceil(s.rep.phaseRemainingMs / 1000)));
      writeText(t.set, `Set: ${clockOf(s.intervalRemainingMs ?? 0)} left`);
    } else if (s.awaitingDone) {
      writeText(t.soFar, `${clockOf(s.intervalElapsedMs)} so far`);
    } else {
      const { minutes, seconds } = clockParts(s.intervalRemainingMs ?? 0);
      writeText(t.mm, minutes);
      writeText(t.ss, seconds);
    }
    writeText(t.left, clockOf(s.remainingMs));
    const pct = String(Math.round(s.progress * 100));
    writeText(t.pct, pct);
    if (t.meter && t.meter.getAttribute('aria-valuenow') !== pct) t.meter.setAttribute('aria-valuenow', pct);
    const steps = barSteps(s.totalMs);
    const step = Math.floor(s.progress * steps);
    if (t.bar && step !== this._barStep) {
      this._barStep = step;
      t.bar.style.transform = `scaleX(${step / steps})`;
    }
  }

  protected override updated(): void {
    const s = this._timer.state;
    const drawnBar = this._ticking?.bar ?? null;
    this._shape = '';
    this._ticking = null;
    if (!s || !this.session) return;
    const zone = s.interval ? this.session.plan.zones.find((z) => z.name === s.interval!.zone) : null;
    const token = zone?.colorToken ?? '--aq-zone-easy';
    if (token !== this._zoneToken) {
      this._zoneToken = token;
      this.style.setProperty('--zone', `var(${token})`);
    }
    const root = this.renderRoot;
    const q = (selector: string) => root.querySelector<HTMLElement>(selector);
    const bar = q('.bar > div');
    if (bar !== drawnBar) this._barStep = -1;
    this._ticking = {
      mm: q('.digits .mm'),
      ss: q('.digits .ss'),
      phase: q('.digits.phase'),
      set: q('.set-left'),
      soFar: q('.so-far'),
      left: q('.left-clock'),
      pct: q('.pct'),
      meter: q('.bar'),
      bar,
    };
    this._shape = this._shapeOf(s);
    this._tick(s);
    if ((s.status === 'finished' || s.status === 'ended') && !this._endFired) {
      this._endFired = true;
      this._locked = false;
      this._confirming = false;
      this.dispatchEvent(new CustomEvent('aq-run-end', { detail: s, bubbles: true, composed: true }));
    }
  }

  override render() {
    const s = this._timer.state;
    const session = this.session;
    if (!s || !session) return nothing;
    if (s.status === 'finished' || s.status === 'ended') return this._renderEnd(session.plan, s);
    const covered = this._locked || this._confirming || this._ending;
    const paused = s.status === 'paused' && !this._ending;
    return html`
      <main class="screen ${paused ? 'paused' : ''}" ?inert=${covered} aria-hidden=${covered ? 'true' : 'false'}>
        ${this._renderTop(s, paused)}
        ${this._renderInfo(session.plan, s)}
        ${this._renderCentre(s)}
        ${this._renderProgress(session.plan, s)}
        ${this._renderControls(s)}
      </main>
      ${this._locked ? this._renderLock() : nothing}
      ${this._confirming ? this._renderConfirm() : nothing}
      ${this._ending ? this._renderEnding() : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this._liveText(session.plan, s)}</p>
    `;
  }

  private _renderTop(s: TimerState, paused: boolean) {
    const round = roundText(s.interval?.rounds ?? []);
    const side = s.interval ? sideLabel(s.interval) : '';
    return html`
      <div class="head">
        ${
          this._soundBlocked || this.saveProblem
            ? html`<div class="banners">
              ${
                this._soundBlocked
                  ? html`<div class="banner" role="alert">
                    <span>Sound is off.</span>
                    <button @click=${() => void this.session?.restoreSound()}>Tap to restore sound</button>
                  </div>`
                  : nothing
              }
              ${this.saveProblem ? html`<div class="banner" role="alert"><span>Progress isn't being saved. ${this.saveProblem}</span></div>` : nothing}
            </div>`
            : nothing
        }
        <div class="top">
          <button class="end-button" aria-haspopup="dialog" @click=${this._askEnd}>End</button>
          <div class="where">
            ${round ? html`<span>${round}</span>` : nothing}
            ${side ? html`<span class="side">${side}</span>` : nothing}
          </div>
          <button class="lock-button" @click=${this._lock}>Lock</button>
        </div>
        ${paused ? html`<div class="paused-bar"><span class="bars" aria-hidden="true"></span><span>Paused</span></div>` : nothing}
      </div>
    `;
  }

  private _renderInfo(plan: Plan, s: TimerState) {
    const i = s.interval!;
    const zone = plan.zones.find((z) => z.name === i.zone);
    const showLabel = zone?.label !== i.label;
    const target = targetText(i.target, this.hrMax);
    return html`
      <div class="info">
        <h1 class="zone">${zone?.label ?? i.zone}</h1>
        ${showLabel ? html`<div class="label">${i.label}</div>` : nothing}
        ${target ? html`<div class="target">${target}</div>` : nothing}
      </div>
    `;
  }

  private _renderCentre(s: TimerState) {
    const i = s.interval!;
    if (s.rep) {
      // The phase's seconds and the set's time left are written by _tick.
      return html`
        <div class="centre rep-set">
          <div class="phase-word">${phaseText(i, s.rep.phase)}</div>
          <div class="clock">
            <div class="fit"><div class="digits phase" role="timer" aria-label="Seconds left in this phase"></div></div>
          </div>
          <div class="rep">Rep ${s.rep.index} of ${s.rep.count}</div>
          <div class="small set-left"></div>
        </div>
      `;
    }
    if (s.awaitingDone) {
      const count = i.amount === 'open' ? '' : i.reps === null ? i.amount : `${i.reps} ${i.amount}`;
      return html`
        <div class="centre">
          ${count ? html`<div class="count">${count}</div>` : nothing}
          <button class="primary done" @click=${this._done}>Done</button>
          <div class="small so-far"></div>
        </div>
      `;
    }
    // The minutes and seconds are written by _tick.
    const { kind } = clockParts(s.intervalRemainingMs ?? 0);
    return html`
      <div class="centre">
        <div class="clock">
          <div class="fit">
            <div class="digits ${kind}" role="timer" aria-label="Time left"
              ><span class="mm"></span><span class="colon">:</span><span class="ss"></span></div
            >
          </div>
        </div>
      </div>
    `;
  }

  private _renderProgress(plan: Plan, s: TimerState) {
    const next = s.next;
    const digits = String(Math.round(s.progress * 100)).length;
    // The bar's fill and value, the percentage and the time left are written by _tick.
    return html`
      <div class="next-area">
        <p class="next">${next ? html`Next: ${next.label}${sideLabel(next) ? ` (${sideLabel(next)})` : ''} · ${amountText(next)}` : 'Last one'}</p>
        <div class="progress">
          <div class="bar" role="progressbar" aria-label="Workout progress" aria-valuemin="0" aria-valuemax="100">
            <div></div>
          </div>
          <div class="progress-text">
            <span><span class="ticker pct" style=${cssProps({ '--digits': digits, '--colons': 0 })}></span>% done</span>
            <span class="left"><span class="ticker left-clock" style=${cssProps(clockShape(s.remainingMs))}></span> left${untimedAheadText(plan, s.index)}</span>
          </div>
        </div>
      </div>
    `;
  }

  private _renderControls(s: TimerState) {
    const paused = s.status === 'paused';
    // One button whose label changes, so keyboard focus stays on it.
    return html`
      <div class="controls">
        <button @click=${() => this.session?.back()}>Back</button>
        <button class="primary toggle" @click=${paused ? this._resume : this._pause}>${paused ? 'Resume' : 'Pause'}</button>
        <button @click=${() => this.session?.skip()}>Skip</button>
      </div>
    `;
  }

  private _renderConfirm() {
    return html`
      <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-how" @keydown=${this._confirmKey}>
        <h2 id="confirm-title">End the workout?</h2>
        <p id="confirm-how">The time so far is saved. You can undo for ${UNDO_END_MS / 1000} seconds.</p>
        <div class="choices">
          <button class="keep" @click=${this._keepGoing}>Keep going</button>
          <button class="primary" @click=${this._confirmEnd}>End workout</button>
        </div>
      </div>
    `;
  }

  private _renderEnding() {
    return html`
      <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="ending-title" aria-describedby="ending-how" @keydown=${this._endingKey}>
        <h2 id="ending-title">Ending…</h2>
        <p id="ending-how">The workout ends in ${UNDO_END_MS / 1000} seconds. Tap Undo to carry on.</p>
        <div class="countdown" aria-hidden="true"><div style=${cssProps({ '--undo-ms': `${UNDO_END_MS}ms` })}></div></div>
        <button class="primary undo" @click=${this._undoEnd}>Undo</button>
      </div>
    `;
  }

  private _renderLock() {
    return html`
      <div class="lock" role="dialog" aria-modal="true" aria-labelledby="how" @pointerdown=${this._swallow} @click=${this._swallow} @touchstart=${this._swallow}>
        <p id="how">Screen locked against splashes. Press and hold Unlock for 2 seconds.</p>
        <button
          class="unlock"
          aria-describedby="how"
          style=${cssProps({ '--held': String(this._held) })}
          @pointerdown=${this._holdDown}
          @pointerup=${this._stopHold}
          @pointerleave=${this._stopHold}
          @pointercancel=${this._stopHold}
          @keydown=${this._keyHold}
          @keyup=${this._stopHold}
          @contextmenu=${(e: Event) => e.preventDefault()}
        >
          <span class="fill"></span><span>Unlock</span>
        </button>
      </div>
    `;
  }

  private _renderEnd(plan: Plan, s: TimerState) {
    const ended = s.status === 'ended';
    return html`
      <main class="finished">
        <h1>${ended ? 'Workout ended' : 'Workout complete'}</h1>
        <p class="label">${plan.title}</p>
        <p class="target">
          ${formatClock(Math.round(s.activeMs / 1000))} active${ended ? ` · ended at interval ${s.index + 1} of ${plan.intervals.length}` : ''}
        </p>
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">${ended ? 'Workout ended.' : 'Workout complete. Well done.'}</p>
    `;
  }

  /** For screen readers: what is spoken at the start of this interval (it changes once per interval). */
  private _liveText(plan: Plan, s: TimerState): string {
    if (this._ending) return 'Ending the workout. Undo to carry on.';
    return announce(plan, s.index);
  }

  private _focusAfterUpdate(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private _done = (): void => {
    const hadFocus = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement?.classList.contains('done');
    this.session?.done();
    // The button goes with its set: keyboard focus moves to the next Done, or to Pause.
    if (hadFocus) this._focusAfterUpdate('.done, .toggle');
  };

  private _pause = (): void => {
    this.session?.pause();
  };

  private _resume = (): void => {
    this.session?.resume();
  };

  private _askEnd = (): void => {
    this._confirming = true;
    // The safe choice has focus: Enter on a stray key press keeps the run.
    this._focusAfterUpdate('.keep');
  };

  private _keepGoing = (): void => {
    this._confirming = false;
    this._focusAfterUpdate('.end-button');
  };

  private _confirmKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this._keepGoing();
  };

  private _confirmEnd = (): void => {
    this._confirming = false;
    if (this.session?.endSoon()) this._focusAfterUpdate('.undo');
  };

  private _undoEnd = (): void => {
    this.session?.undoEnd();
  };

  private _endingKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this._undoEnd();
  };

  private _lock = (): void => {
    this._locked = true;
    this._focusAfterUpdate('.unlock');
  };

  private _swallow = (e: Event): void => {
    if ((e.target as Element | null)?.closest?.('.unlock')) return;
    e.preventDefault();
    e.stopPropagation();
  };

  private _holdDown = (e: PointerEvent): void => {
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    this._beginHold();
  };

  private _keyHold = (e: KeyboardEvent): void => {
    if ((e.key === 'Enter' || e.key === ' ') && this._holdStart === null) {
      e.preventDefault();
      this._beginHold();
    }
  };

  private _beginHold(): void {
    this._stopHold();
    this._holdStart = performance.now();
    this._holdTimer = setInterval(() => {
      const held = (performance.now() - (this._holdStart ?? performance.now())) / UNLOCK_HOLD_MS;
      this._held = Math.min(1, held);
      if (held >= 1) {
        this._stopHold();
        this._locked = false;
        // Keyboard and screen reader users land back where they locked.
        this._focusAfterUpdate('.lock-button');
      }
    }, 100);
  }

  private _stopHold = (): void => {
    if (this._holdTimer !== null) clearInterval(this._holdTimer);
    this._holdTimer = null;
    this._holdStart = null;
    this._held = 0;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-timer-screen': AqTimerScreen;
  }
  interface GlobalEventHandlersEventMap {
    'aq-run-end': CustomEvent<TimerState>;
  }
}
