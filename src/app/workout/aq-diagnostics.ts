import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Diagnostic } from '../../dsl';
import { sharedStyles } from '../../styles/shared';

/**
 * The problems in a workout, each with its position ("Line 3, column 5") and
 * how to fix it. Errors first in the compiler's order; warnings are marked.
 *
 * @cssprop --aq-color-error - Colour of the error marker and border.
 * @cssprop --aq-color-error-surface - Background of the panel.
 * @cssprop --aq-color-warning - Colour of the warning marker.
 */
@customElement('aq-diagnostics')
export class AqDiagnostics extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-error);
        border-inline-start-width: var(--aq-space-2);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-error-surface);
      }
      .heading {
        font-weight: 700;
      }
      ul {
        display: grid;
        gap: var(--aq-space-3);
        margin: var(--aq-space-3) 0 0;
        padding: 0;
        list-style: none;
      }
      .where {
        font-family: var(--aq-font-mono);
        font-size: var(--aq-text-sm);
        font-weight: 700;
        color: var(--aq-color-error);
      }
      .warning .where {
        color: var(--aq-color-warning);
      }
      .hint {
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
    `,
  ];

  /** The compiler's diagnostics. */
  @property({ attribute: false }) diagnostics: readonly Diagnostic[] = [];

  /** A failure of the compiler itself, shown when there are no diagnostics to explain it. */
  @property() error: string | null = null;

  /** The sentence above the list. */
  @property() heading = 'This workout has errors, so it can’t be started.';

  override render() {
    return html`
      <p class="heading">${this.heading}</p>
      <ul>
        ${this.diagnostics.map(
          (d) => html`<li class=${d.severity}>
            <span class="where tabular">${d.severity === 'warning' ? 'Warning, line' : 'Line'} ${d.line}:${d.column}</span>
            <span class="message">${d.message}</span>
            ${d.hint ? html`<p class="hint">${d.hint}</p>` : nothing}
          </li>`,
        )}
        ${this.error === null ? nothing : html`<li><span class="message">The workout couldn’t be read: ${this.error}</span></li>`}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-diagnostics': AqDiagnostics;
  }
}
