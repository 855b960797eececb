import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { COUNTDOWN_PITCH, zonePitch, type Cue } from '../../engine/cues';
import { AudioOut, AudioState } from '../../platform/audio';
import { detectScreenOff, screenOffLines } from '../../platform/screen-off';
import { Speaker } from '../../platform/speech';
import { Vibrator } from '../../platform/vibration';
import { buttonStyles, sharedStyles } from '../../styles/shared';
import type { Installer } from '../../platform/install';
import { THEMES, type Settings } from '../shared/settings';

const THEME_LABELS: Record<Settings['theme'], string> = {
  system: 'Same as the phone',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** A short sample of every kind of cue: 3-2-1, a start tone, and a spoken line. */
function sampleCues(): Cue[] {
  const base = { index: 0, speech: null, vibrate: null } as const;
  return [
    { ...base, id: 'test:3', kind: 'countdown', atMs: 0, pitch: COUNTDOWN_PITCH, lengthMs: 100 },
    { ...base, id: 'test:2', kind: 'countdown', atMs: 1000, pitch: COUNTDOWN_PITCH, lengthMs: 100 },
    { ...base, id: 'test:1', kind: 'countdown', atMs: 2000, pitch: COUNTDOWN_PITCH, lengthMs: 100 },
    { ...base, id: 'test:go', kind: 'start', atMs: 3000, pitch: zonePitch(5), lengthMs: 400 },
  ];
}

/**
 * Settings: sound, voice, vibration, countdown, HRmax and theme, saved on the
 * device; and a Test sound button to check volume and headphones before
 * getting in the water.
 *
 * @fires aq-settings-change - A setting changed (detail: the new settings).
 */
@customElement('aq-settings-page')
export class AqSettingsPage extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    css`
      /* One column as wide as the screen gives: nothing in a fieldset may widen the page (their default min-width is their content's). */
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-5);
        margin-block-start: var(--aq-space-5);
      }
      fieldset {
        min-width: 0;
        margin: 0;
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        display: grid;
        gap: var(--aq-space-4);
      }
      legend {
        padding-inline: var(--aq-space-2);
        font-size: var(--aq-text-lg);
        font-weight: 800;
      }
      label {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--aq-space-3);
        min-height: var(--aq-tap-min);
        font-weight: 600;
      }
      /* A box or a radio stays beside its words, which wrap beside it on a narrow screen. */
      label.choice {
        flex-wrap: nowrap;
      }
      input[type='checkbox'],
      input[type='radio'] {
        flex: none;
        width: 1.75rem;
        height: 1.75rem;
        accent-color: var(--aq-color-link);
      }
      /* The slider and its value stay on one line, under "Volume" when the two don't fit side by side. */
      .slider {
        display: flex;
        flex: 1 1 14rem;
        align-items: center;
        gap: var(--aq-space-3);
      }
      input[type='range'] {
        flex: 1 1 auto;
        min-width: 0;
        min-height: var(--aq-tap-min);
        accent-color: var(--aq-color-link);
      }
      input[type='number'],
      select {
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-3);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font: inherit;
      }
      input[type='number'] {
        width: 7rem;
      }
      button {
        justify-self: start;
      }
      .hint {
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      /* The music choice sits inside "With the screen off", as a plain group under its own small heading. */
      fieldset.music {
        padding: 0;
        border: none;
        background: none;
        gap: var(--aq-space-1);
      }
      fieldset.music legend {
        padding: 0;
        margin-block-end: var(--aq-space-2);
        font-size: var(--aq-text-md);
      }
      fieldset.music .hint {
        margin: 0 0 var(--aq-space-2);
        padding-inline-start: calc(1.75rem + var(--aq-space-3));
      }
      .screen-off {
        margin: 0;
        padding-inline-start: var(--aq-space-4);
        display: grid;
        gap: var(--aq-space-2);
      }
      .version {
        margin-block-start: var(--aq-space-4);
      }
    `,
  ];

  @property({ attribute: false }) settings!: Settings;
  @property({ attribute: false }) installer: Installer | null = null;

  @state() private _testMessage = '';

  private readonly _vibrator = new Vibrator();
  /** What this browser supports with the screen off (what it does then depends on the music choice too). */
  private readonly _screenOff = detectScreenOff();

  override render() {
    const s = this.settings;
    if (!s) return nothing;
    return html`
      <h1 tabindex="-1">Settings</h1>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <fieldset>
          <legend>Sound</legend>
          <label>
            Volume
            <span class="slider">
              <input type="range" min="0" max="100" step="5" .value=${String(Math.round(s.volume * 100))}
                aria-valuetext=${`${Math.round(s.volume * 100)}%`}
                @input=${(e: Event) => this._set({ volume: Number((e.target as HTMLInputElement).value) / 100 })} />
              <span class="tabular">${Math.round(s.volume * 100)}%</span>
            </span>
          </label>
          <label class="choice">
            <input type="checkbox" .checked=${s.voice} @change=${(e: Event) => this._set({ voice: (e.target as HTMLInputElement).checked })} />
            Spoken announcements
          </label>
          ${
            this._vibrator.supported
              ? html`<label class="choice">
                <input type="checkbox" .checked=${s.vibration} @change=${(e: Event) => this._set({ vibration: (e.target as HTMLInputElement).checked })} />
                Vibration
              </label>`
              : nothing
          }
          <label>
            Countdown beeps before each change
            <select @change=${(e: Event) => this._set({ countdownSeconds: Number((e.target as HTMLSelectElement).value) })}>
              ${Array.from({ length: 11 }, (_, n) => html`<option value=${n} ?selected=${n === s.countdownSeconds}>${n === 0 ? 'None' : `${n} s`}</option>`)}
            </select>
          </label>
          <button type="button" @click=${this._testSound}>Test sound</button>
          <p class="hint" role="status">${this._testMessage}</p>
        </fieldset>
        <fieldset>
          <legend>With the screen off</legend>
          <fieldset class="music">
            <legend>Cues and your music</legend>
            <label class="choice">
              <input type="radio" name="music" .checked=${!s.mixWithMusic} aria-describedby="music-track"
                @change=${() => this._set({ mixWithMusic: false })} />
              Cues first, even with the screen off
            </label>
            <p class="hint" id="music-track">Aquajog plays its own audio track, like a music app: another app’s music pauses.</p>
            <label class="choice">
              <input type="radio" name="music" .checked=${s.mixWithMusic} aria-describedby="music-mix"
                @change=${() => this._set({ mixWithMusic: true })} />
              Cues over my music
            </label>
            <p class="hint" id="music-mix">Your music keeps playing and the beeps sound over it, while Aquajog is on screen.</p>
          </fieldset>
          <ul class="screen-off">
            ${screenOffLines(this._screenOff, s.mixWithMusic).map((l) => html`<li><strong>${l.topic}:</strong> ${l.text}</li>`)}
          </ul>
        </fieldset>
        <fieldset>
          <legend>Heart rate</legend>
          <label>
            Maximum heart rate (bpm)
            <input type="number" inputmode="numeric" min="100" max="230" .value=${s.hrMax === null ? '' : String(s.hrMax)}
              @change=${this._hrMax} />
          </label>
          <p class="hint">With it, zones show their targets in beats per minute.</p>
        </fieldset>
        ${this._install()}
        <fieldset>
          <legend>Theme</legend>
          ${THEMES.map(
            (t) => html`<label class="choice">
              <input type="radio" name="theme" value=${t} .checked=${s.theme === t} @change=${() => this._set({ theme: t })} />
              ${THEME_LABELS[t]}
            </label>`,
          )}
        </fieldset>
      </form>
      <p class="hint version">Aquajog version ${__APP_VERSION__}</p>
    `;
  }

  private _install() {
    const i = this.installer;
    if (!i) return nothing;
    let body;
    if (i.installed) body = html`<p>Aquajog is installed. It opens from your home screen and works with no signal.</p>`;
    else if (i.canPrompt)
      body = html`<p>Install Aquajog to open it from your home screen, full screen, with no signal at the pool.</p>
        <button type="button" @click=${() => void i.prompt().then(() => this.requestUpdate())}>Install Aquajog</button>`;
    else if (i.needsIosInstructions)
      body = html`<p>On iPhone or iPad: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>.
        Installed, Aquajog keeps your history safer: Safari may clear data of sites that aren't installed.</p>`;
    else body = html`<p>Use your browser's menu to install or add Aquajog to the home screen.</p>`;
    return html`<fieldset>
      <legend>Install</legend>
      ${body}
    </fieldset>`;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private _set(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
    this.dispatchEvent(new CustomEvent('aq-settings-change', { detail: this.settings, bubbles: true, composed: true }));
  }

  private _hrMax = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const n = Number(input.value);
    if (input.value === '') this._set({ hrMax: null });
    else if (Number.isInteger(n) && n >= 100 && n <= 230) this._set({ hrMax: n });
    else input.value = this.settings.hrMax === null ? '' : String(this.settings.hrMax);
  };

  /** Plays a short sample through the same path a workout uses. */
  private _testSound = async (): Promise<void> => {
    const audio = new AudioOut();
    audio.volume = this.settings.volume;
    const state = await audio.unlock();
    const now = audio.now();
    if (state !== AudioState.Running || now === null) {
      this._testMessage = 'Sound could not start. Check the phone is not muted, then tap Test sound again.';
      return;
    }
    for (const cue of sampleCues()) audio.book(cue, now + 0.05 + cue.atMs / 1000);
    const speaker = new Speaker();
    speaker.enabled = this.settings.voice;
    setTimeout(() => speaker.speak('Sound check. Sprint, one minute.'), 3500);
    if (this.settings.vibration) this._vibrator.vibrate([80, 920, 80, 920, 80, 920, 400]);
    this._testMessage =
      this.settings.voice && !speaker.available
        ? 'Playing beeps. This device has no offline voice, so announcements will be beeps only.'
        : 'Playing: 3, 2, 1, go, then a spoken line.';
    setTimeout(() => void audio.close(), 6000);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-settings-page': AqSettingsPage;
  }
  interface GlobalEventHandlersEventMap {
    'aq-settings-change': CustomEvent<Settings>;
  }
}
