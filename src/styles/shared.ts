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

/**
 * Data tables: each row ruled below, cells read from the start and the top,
 * column headings small and muted. Elements set their own padding and width
 * where a table must fit a 320 px phone.
 */
export const tableStyles: CSSResult = css`
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--aq-space-2) var(--aq-space-3);
    border-block-end: var(--aq-border-width) solid var(--aq-color-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    color: var(--aq-color-text-muted);
    font-size: var(--aq-text-sm);
    font-weight: 600;
  }
`;

/** A form field: its label above it, and selects, text areas, dates and times the size of a finger. */
export const fieldStyles: CSSResult = css`
  label {
    display: grid;
    gap: var(--aq-space-1);
    font-weight: 600;
  }
  select,
  textarea,
  input[type='date'],
  input[type='time'] {
    max-width: 100%;
    min-height: var(--aq-tap-min);
    padding: var(--aq-space-2) var(--aq-space-3);
    border: 2px solid var(--aq-color-border);
    border-radius: var(--aq-radius-1);
    background: var(--aq-color-surface);
    color: var(--aq-color-text);
    font: inherit;
    font-weight: 400;
  }
`;

/**
 * Charts drawn in SVG: one column as wide as the page gives, never as wide as
 * the content (an auto column would grow to the widest SVG and push the page
 * sideways on a small phone); muted tabular labels; thin grid lines.
 */
export const chartStyles: CSSResult = css`
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  svg {
    display: block;
    max-width: 100%;
    overflow: visible;
  }
  text {
    fill: var(--aq-color-text-muted);
    font-size: var(--aq-text-sm);
    font-variant-numeric: tabular-nums;
  }
  .grid {
    stroke: var(--aq-color-border);
    stroke-width: 1;
  }
`;

/** Messages in the page's flow: a toast with its buttons (Undo, OK), and a problem said in red. */
export const noticeStyles: CSSResult = css`
  .toast {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--aq-space-3);
    padding: var(--aq-space-3) var(--aq-space-4);
    border: 2px solid var(--aq-color-text);
    border-radius: var(--aq-radius-2);
    background: var(--aq-color-surface);
    color: var(--aq-color-text);
    font-weight: 700;
  }
  .toast span {
    flex: 1 1 auto;
  }
  .problem {
    padding: var(--aq-space-3) var(--aq-space-4);
    border-radius: var(--aq-radius-2);
    background: var(--aq-color-error-surface);
    color: var(--aq-color-error);
    font-weight: 700;
  }
`;

/** "← All workouts" at the top of a page: a link as tall as a finger. */
export const backLinkStyles: CSSResult = css`
  .back {
    display: inline-flex;
    align-items: center;
    gap: var(--aq-space-2);
    min-height: var(--aq-tap-min);
    font-size: var(--aq-text-lg);
    font-weight: 600;
  }
`;
