import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { compile, summarise } from '../../dsl';
import type { CompileResult } from '../../dsl';
import { decodeWorkout, type Decoded } from '../../share/codec';
import { buttonStyles, factListStyles, primaryActionStyles, sharedStyles, backLinkStyles } from '../../styles/shared';
import { hrefFor, RouteName } from '../shell/router';
import { mine } from '../mine/mine-store';
import { titleOf } from '../mine/mine';
import '../workout/aq-diagnostics';
import '../workout/aq-profile';

/**
 * A workout that came in a link: its text, problems and profile, shown as
 * text only (whatever HTML or script is in it), never started or saved by
 * itself. Save puts it in Mine; a broken or hostile link says what is wrong
 * and changes nothing.
 */
@customElement('aq-shared-preview')
export class AqSharedPreview extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    primaryActionStyles,
    factListStyles,
    backLinkStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-5);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      pre {
        margin: 0;
        padding: var(--aq-space-3);
        overflow-x: auto;
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
        font-family: var(--aq-font-mono);
        font-size: var(--aq-text-sm);
        white-space: pre;
      }
      .problem {
        padding: var(--aq-space-3) var(--aq-space-4);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-error-surface);
        color: var(--aq-color-error);
        font-weight: 700;
      }
      /* Big, but one line on a 320 px phone. */
      .save .primary-action {
        font-size: var(--aq-text-xl);
      }
      .save {
        display: grid;
        gap: var(--aq-space-2);
        justify-items: start;
      }
      section {
        display: grid;
        gap: var(--aq-space-3);
        min-width: 0;
      }
    `,
  ];

  /** What came after `#/w/` in the link. */
  @property() payload = '';

  @state() private _decoded: Decoded | null = null;
  @state() private _result: CompileResult | null = null;
  @state() private _problem: string | null = null;
  @state() private _saving = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('payload')) void this._decode();
  }

  private async _decode(): Promise<void> {
    const payload = this.payload;
    this._decoded = null;
    const decoded = await decodeWorkout(payload);
    if (payload !== this.payload) return;
    this._result = decoded.ok ? compileQuietly(decoded.text) : null;
    this._decoded = decoded;
  }

  private async _save(text: string): Promise<void> {
    this._saving = true;
    this._problem = null;
    try {
      const saved = await mine.save(text);
      location.hash = hrefFor({ name: RouteName.Workout, id: saved.id });
    } catch (e) {
      this._problem = `It couldn’t be saved (${(e as Error)?.name ?? e}). Nothing was changed.`;
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const back = html`<a class="back" href=${hrefFor({ name: RouteName.Library })}><span aria-hidden="true">←</span> All workouts</a>`;
    const decoded = this._decoded;
    if (decoded === null) return html`${back}<h1 tabindex="-1">Shared workout</h1><p>Opening…</p>`;
    if (!decoded.ok) {
      return html`${back}
        <h1 tabindex="-1">This link can’t be opened</h1>
        <p class="problem" role="alert">${decoded.message}</p>
        <p>Nothing was saved or changed.</p>`;
    }
    const result = this._result;
    const plan = result?.ok ? result.plan : null;
    return html`
      ${back}
      <h1 tabindex="-1"><span class="muted">Shared workout:</span> ${plan?.title ?? titleOf(decoded.text)}</h1>
      <p>Someone sent you this workout. Look it over: it is only saved when you tap Save, and runs only from your library.</p>
      <div class="save">
        <button class="primary-action" ?disabled=${this._saving} @click=${() => void this._save(decoded.text)}>Save to Mine</button>
        ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      </div>
      ${
        plan
          ? html`<dl>
                <div>
                  <dt>Total</dt>
                  <dd class="tabular">${summarise(plan)}</dd>
                </div>
                <div>
                  <dt>Intervals</dt>
                  <dd class="tabular">${plan.intervals.length}</dd>
                </div>
              </dl>
              <aq-profile .plan=${plan}></aq-profile>
              ${
                result && result.diagnostics.length > 0
                  ? html`<aq-diagnostics heading="Warnings" .diagnostics=${result.diagnostics}></aq-diagnostics>`
                  : nothing
              }`
          : html`<aq-diagnostics
              heading="This workout has errors: it can be saved as a draft and fixed in the editor, but not started."
              .diagnostics=${result?.diagnostics ?? []}
            ></aq-diagnostics>`
      }
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">The workout’s text</h2>
        <pre tabindex="0" aria-labelledby="text-heading">${decoded.text}</pre>
      </section>
    `;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function compileQuietly(text: string): CompileResult {
  try {
    return compile(text);
  } catch {
    return { ok: false, diagnostics: [], workout: null, plan: null };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-shared-preview': AqSharedPreview;
  }
}
