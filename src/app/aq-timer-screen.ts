import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cssProps } from './css-props';
import { formatClock } from '../dsl/index';
import type { Interval, Plan, Target } from '../dsl/plan';
import { announce } from '../engine/cues';
import type { TimerState } from '../engine/timer';
import { sharedStyles } from '../styles/shared';
import { TimerController } from './timer-controller';
import type { WorkoutSession } from './workout-session';

/** How long the Unlock button must be held. */
export const UNLOCK_HOLD_MS = 2000;

const ROUND_NAMES = { round: 'Round', rung: 'Rung', set: 'Set' } as const;

/** "Round 3 of 10", from the innermost repeat or ladder. */
export function roundText(i: Interval | null): string {
  const r = i?.rounds.at(-1);
  return r ? `${ROUND_NAMES[r.kind]} ${r.index} of ${r.count}` : '';
}

/** `M:SS` of a countdown: shows 1:00 for the whole first second, 0:01 for the last. */
export function clockOf(ms: number): string {
  return formatClock(Math.ceil(ms / 1000));
}

/** "87-92% HRmax" and, when HRmax is known, "(161-170 bpm)". */
export function targetText(target: Target | null, hrMax: number | null): string {
  if (!target) return '';
  if (target.unit === 'bpm') return `${target.low}-${target.high} bpm`;
  const pct = `${target.low}-${target.high}% HRmax`;
  if (hrMax === null) return pct;
  return `${pct} (${Math.round((target.low * hrMax) / 100)}-${Math.round((target.high * hrMax) / 100)} bpm)`;
}

function sideText(i: Interval | null): string {
  if (!i?.side) return '';
  const side = i.side === 'left' ? 'Left' : 'Right';
  return i.sideKind && i.sideKind !== 'side' ? `${side} ${i.sideKind}` : side;
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
 * The current zone's colour fills the screen; the time left in the interval
 * fills most of it. Big Pause / Resume, Back, Skip, Done and End workout
 * buttons; Lock makes the whole screen ignore touches until Unlock is held
 * for 2 seconds.
 *
 * @fires aq-run-end - The workout finished or was ended early (detail: the final state).
 * @cssprop --aq-zone-* - Zone colours; the screen takes the current zone's.
 * @cssprop --aq-on-zone - Text colour on a zone colour.
 */
@customElement('aq-timer-screen')
export class AqTimerScreen extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        --zone: var(--aq-zone-work);
        position: relative;
        display: grid;
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--zone);
        color: var(--aq-on-zone);
        user-select: none;
        -webkit-user-select: none;
        touch-action: manipulation;
      }
      .screen {
        display: grid;
        grid-template-areas: 'head' 'main' 'next' 'controls';
        grid-template-rows: auto 1fr auto auto;
        gap: var(--aq-space-3);
        padding: max(var(--aq-space-3), env(safe-area-inset-top)) max(var(--aq-space-4), env(safe-area-inset-right))
          max(var(--aq-space-4), env(safe-area-inset-bottom)) max(var(--aq-space-4), env(safe-area-inset-left));
        min-height: 100vh;
        min-height: 100dvh;
      }
      .head {
        grid-area: head;
      }
      .next-area {
        grid-area: next;
      }
      .controls {
        grid-area: controls;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--aq-space-2) var(--aq-space-4);
        font-size: clamp(var(--aq-text-lg), 6vw, var(--aq-text-2xl));
        font-weight: 800;
      }
      .side {
        padding: 0 var(--aq-space-3);
        border: 3px solid currentColor;
        border-radius: var(--aq-radius-pill);
      }
      .main {
        grid-area: main;
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        text-align: center;
        min-height: 0;
      }
      .zone {
        font-size: clamp(2.5rem, 13vw, 6rem);
        font-weight: 900;
        line-height: 1;
        text-transform: uppercase;
        letter-spacing: 0.02em;
      }
      .label {
        font-size: clamp(var(--aq-text-xl), 7vw, 3rem);
        font-weight: 800;
        line-height: var(--aq-leading-tight);
      }
      .target {
        font-size: var(--aq-text-lg);
        font-weight: 700;
      }
      .digits {
        font-size: clamp(5rem, min(36vw, 38vh), 22rem);
        font-weight: 900;
        line-height: 0.95;
        font-variant-numeric: tabular-nums;
        letter-spacing: -0.02em;
      }
      .digits.small {
        font-size: clamp(3.5rem, 18vw, 9rem);
      }
      .digits.long {
        font-size: clamp(4.5rem, min(27vw, 34vh), 18rem);
      }
      .rep {
        font-size: clamp(var(--aq-text-2xl), 10vw, 5rem);
        font-weight: 900;
        line-height: 1.05;
      }
      .phase {
        font-size: clamp(3rem, 16vw, 9rem);
        font-weight: 900;
        text-transform: uppercase;
        line-height: 1;
      }
      .next {
        font-size: clamp(var(--aq-text-lg), 5.5vw, var(--aq-text-2xl));
        font-weight: 700;
        text-align: center;
      }
      .progress {
        display: grid;
        gap: var(--aq-space-1);
        font-size: var(--aq-text-lg);
        font-weight: 700;
      }
      .bar {
        height: 0.9rem;
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
        justify-content: space-between;
      }
      .controls {
        display: grid;
        grid-template-columns: 1fr 1.35fr 1fr;
        gap: var(--aq-space-3);
      }
      button {
        min-height: 4.5rem;
        min-width: var(--aq-tap-min);
        padding: var(--aq-space-2) var(--aq-space-3);
        border: 3px solid currentColor;
        border-radius: var(--aq-radius-2);
        background: var(--aq-on-zone-surface);
        color: var(--aq-on-zone);
        font: inherit;
        font-size: var(--aq-text-lg);
        font-weight: 800;
        cursor: pointer;
      }
      button.primary {
        font-size: var(--aq-text-xl);
        background: var(--aq-on-zone);
        color: var(--zone);
      }
      .done {
        width: min(100%, 28rem);
        min-height: 8rem;
        font-size: clamp(var(--aq-text-2xl), 12vw, 4.5rem);
        margin-block: var(--aq-space-3);
      }
      .wide {
        grid-column: 1 / -1;
      }
      .row2 {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--aq-space-3);
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--aq-space-2);
        padding: var(--aq-space-3);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font-weight: 700;
      }
      .banner button {
        min-height: var(--aq-tap-min);
        background: var(--aq-color-surface-alt);
        color: var(--aq-color-text);
        font-size: var(--aq-text-md);
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
        font-weight: 700;
        text-align: center;
      }
      .unlock {
        position: relative;
        overflow: hidden;
        width: min(100%, 24rem);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        border-color: var(--aq-color-text);
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
        place-items: center;
        text-align: center;
        gap: var(--aq-space-4);
      }
      @media (orientation: landscape) and (max-height: 50rem) {
        .screen {
          grid-template-areas: 'head head' 'main next' 'main controls';
          grid-template-columns: 1.4fr 1fr;
          grid-template-rows: auto 1fr auto;
          column-gap: var(--aq-space-5);
        }
        .next-area {
          align-self: end;
        }
        .next {
          font-size: var(--aq-text-lg);
        }
        .screen {
          row-gap: var(--aq-space-2);
        }
        .digits {
          font-size: clamp(4rem, min(22vw, 44vh), 20rem);
        }
        .digits.small {
        font-size: clamp(3.5rem, 18vw, 9rem);
      }
      .digits.long {
          font-size: clamp(3.5rem, min(17vw, 40vh), 16rem);
        }
        .zone {
          font-size: clamp(1.75rem, 9vh, 4rem);
        }
        .label {
          font-size: clamp(var(--aq-text-lg), 6vh, 2.25rem);
        }
        .controls {
          gap: var(--aq-space-2);
        }
        .controls button {
          min-height: var(--aq-tap-min);
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

  private readonly _timer = new TimerController(this);
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
      if (this.session) this._listen(this.session);
      this._endFired = false;
    }
  }

  private _listen(session: WorkoutSession): void {
    this._offSession = session.onChange(() => {
      this._soundBlocked = session.soundBlocked;
    });
    this._soundBlocked = session.soundBlocked;
  }

  protected override updated(): void {
    const s = this._timer.state;
    if (!s || !this.session) return;
    const zone = s.interval ? this.session.plan.zones.find((z) => z.name === s.interval!.zone) : null;
    this.style.setProperty('--zone', `var(${zone?.colorToken ?? '--aq-zone-easy'})`);
    if ((s.status === 'finished' || s.status === 'ended') && !this._endFired) {
      this._endFired = true;
      this._locked = false;
      this.dispatchEvent(new CustomEvent('aq-run-end', { detail: s, bubbles: true, composed: true }));
    }
  }

  override render() {
    const s = this._timer.state;
    const session = this.session;
    if (!s || !session) return nothing;
    if (s.status === 'finished' || s.status === 'ended') return this._renderEnd(session.plan, s);
    return html`
      <main class="screen" ?inert=${this._locked} aria-hidden=${this._locked ? 'true' : 'false'}>
        ${this._renderTop(s)}
        ${this._renderMain(session.plan, s)}
        ${this._renderProgress(session.plan, s)}
        ${this._renderControls(s)}
      </main>
      ${this._locked ? this._renderLock() : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this._liveText(session.plan, s)}</p>
    `;
  }

  private _renderTop(s: TimerState) {
    const round = roundText(s.interval);
    const side = sideText(s.interval);
    return html`
      <div class="head">
        ${this._soundBlocked
          ? html`<div class="banner" role="alert">
              <span>Sound is off.</span>
              <button @click=${() => void this.session?.restoreSound()}>Tap to restore sound</button>
            </div>`
          : nothing}
        ${this.saveProblem ? html`<div class="banner" role="alert"><span>Progress isn't being saved. ${this.saveProblem}</span></div>` : nothing}
        <div class="top">
          <span>${round}</span>
          ${side ? html`<span class="side">${side}</span>` : nothing}
          ${s.status === 'paused' ? html`<span>Paused</span>` : nothing}
        </div>
      </div>
    `;
  }

  private _renderMain(plan: Plan, s: TimerState) {
    const i = s.interval!;
    const zone = plan.zones.find((z) => z.name === i.zone);
    const showLabel = zone?.label !== i.label;
    const target = targetText(i.target, this.hrMax);
    let body;
    if (s.rep) {
      body = html`
        <div class="phase">${s.rep.phase}</div>
        <div class="rep">Rep ${s.rep.index} of ${s.rep.count}</div>
        <div class="digits small" aria-label="Time left">${clockOf(s.intervalRemainingMs ?? 0)}</div>
      `;
    } else if (s.awaitingDone) {
      body = html`
        <div class="rep">${i.amount === 'open' ? '' : i.reps === null ? i.amount : `${i.reps} ${i.amount}`}</div>
        <button class="primary done" @click=${() => this.session?.done()}>Done</button>
        <div class="target">${clockOf(s.intervalElapsedMs)} so far</div>
      `;
    } else {
      const text = clockOf(s.intervalRemainingMs ?? 0);
      body = html`<div class="digits ${text.length > 4 ? 'long' : ''}" aria-label="Time left">${text}</div>`;
    }
    return html`
      <div class="main">
        <h1 class="zone">${zone?.label ?? i.zone}</h1>
        ${showLabel ? html`<div class="label">${i.label}</div>` : nothing}
        ${target ? html`<div class="target">${target}</div>` : nothing}
        ${body}
      </div>
    `;
  }

  private _renderProgress(plan: Plan, s: TimerState) {
    const next = s.next;
    const pct = Math.round(s.progress * 100);
    return html`
      <div class="next-area">
        <p class="next">${next ? html`Next: ${next.label}${sideText(next) ? ` (${sideText(next)})` : ''} · ${amountText(next)}` : 'Last one'}</p>
        <div class="progress">
          <div class="bar" role="progressbar" aria-label="Workout progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct}>
            <div style=${cssProps({ transform: `scaleX(${s.progress})` })}></div>
          </div>
          <div class="progress-text">
            <span>${pct}% done</span>
            <span>${clockOf(s.remainingMs)} left${plan.untimedCount > 0 ? ' + reps' : ''}</span>
          </div>
        </div>
      </div>
    `;
  }

  private _renderControls(s: TimerState) {
    const paused = s.status === 'paused';
    return html`
      <div class="controls">
        <button @click=${() => this.session?.back()}>Back</button>
        ${paused
          ? html`<button class="primary" @click=${() => this.session?.resume()}>Resume</button>`
          : html`<button class="primary" @click=${() => this.session?.pause()}>Pause</button>`}
        <button @click=${() => this.session?.skip()}>Skip</button>
        <div class="row2 wide">
          <button class="lock-button" @click=${this._lock}>Lock</button>
          <button @click=${() => this.session?.end()}>End workout</button>
        </div>
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
      <main class="screen finished">
        <div>
          <h1>${ended ? 'Workout ended' : 'Workout complete'}</h1>
          <p class="label">${plan.title}</p>
          <p class="target">
            ${formatClock(Math.round(s.activeMs / 1000))} active${ended ? ` · ended at interval ${s.index + 1} of ${plan.intervals.length}` : ''}
          </p>
        </div>
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">${ended ? 'Workout ended.' : 'Workout complete. Well done.'}</p>
    `;
  }

  /** For screen readers: what is spoken at the start of this interval (it changes once per interval). */
  private _liveText(plan: Plan, s: TimerState): string {
    return announce(plan, s.index);
  }

  private _lock = (): void => {
    this._locked = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.unlock')?.focus());
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
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.lock-button')?.focus());
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
