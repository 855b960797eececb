/**
 * Styles every Aquajog element starts from: `static styles = [sharedStyles, css`…`]`.
 * Uses design tokens only (see tokens.ts).
 */
import { css, type CSSResult } from 'lit';

export const sharedStyles: CSSResult = css`
  :host {
    display: block;
    color: var(--aq-color-text);
    font-family: var(--aq-font-sans);
    font-size: var(--aq-text-md);
    line-height: var(--aq-leading);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1,
  h2,
  h3 {
    margin: 0;
    line-height: var(--aq-leading-tight);
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: var(--aq-text-2xl);
  }
  h2 {
    font-size: var(--aq-text-xl);
  }
  h3 {
    font-size: var(--aq-text-lg);
  }
  p {
    margin: 0;
  }

  a {
    color: var(--aq-color-link);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: var(--aq-focus-width) solid var(--aq-color-focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }

  /* Times line up in columns and don't jiggle as they change. */
  .tabular {
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--aq-color-text-muted);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* A zone's colour beside its name (set --swatch on the element). */
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: var(--aq-space-2);
    border-radius: var(--aq-radius-1);
    background: var(--swatch);
    vertical-align: -0.1em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--aq-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    padding: 0 var(--aq-space-2);
    border: var(--aq-border-width) solid var(--aq-color-border);
    border-radius: var(--aq-radius-pill);
    color: var(--aq-color-text-muted);
    font-size: var(--aq-text-sm);
  }

  .notes {
    display: grid;
    gap: var(--aq-space-2);
  }
  .source {
    color: var(--aq-color-text-muted);
    font-size: var(--aq-text-sm);
    overflow-wrap: anywhere;
  }
`;

/** The disclosure triangle for <details> / <summary>, as a tap target. */
export const disclosureStyles: CSSResult = css`
  details > summary {
    display: flex;
    align-items: center;
    min-height: var(--aq-tap-min);
    color: var(--aq-color-link);
    font-weight: 700;
    cursor: pointer;
  }
  details > summary::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    margin-inline: 0.15em 0.6em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(45deg);
  }
  @media (prefers-reduced-motion: reduce) {
    details > summary::before {
      transition: none;
    }
  }
`;

/** Facts as label over value ("Total 1:17:00", "When 3x daily"): a <dl> of <div>s, wrapping on narrow screens. */
export const factListStyles: CSSResult = css`
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--aq-space-2) var(--aq-space-5);
    margin: 0;
  }
  dl > div {
    display: grid;
  }
  dt {
    color: var(--aq-color-text-muted);
    font-size: var(--aq-text-sm);
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
`;

/** The app's ordinary buttons (secondary actions, and labels styled as one) and the red "danger" variant. */
export const buttonStyles: CSSResult = css`
  button,
  .button {
    min-height: var(--aq-tap-min);
    padding: var(--aq-space-2) var(--aq-space-5);
    border: 2px solid var(--aq-color-text);
    border-radius: var(--aq-radius-2);
    background: var(--aq-color-surface-alt);
    color: var(--aq-color-text);
    font: inherit;
    font-weight: 800;
    cursor: pointer;
  }
  button.danger {
    border-color: var(--aq-color-error);
    background: var(--aq-color-surface);
    color: var(--aq-color-error);
  }
`;

/** The one big action of a page: Start, Resume. */
export const primaryActionStyles: CSSResult = css`
  .primary-action {
    min-height: 4.5rem;
    padding: var(--aq-space-3) var(--aq-space-6);
    border: 0;
    border-radius: var(--aq-radius-2);
    background: var(--aq-color-link);
    color: var(--aq-color-surface);
    font: inherit;
    font-size: var(--aq-text-2xl);
    font-weight: 900;
    cursor: pointer;
  }
`;
