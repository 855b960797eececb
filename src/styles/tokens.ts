/**
 * Design tokens: the only place Aquajog names a colour, a size or a font.
 *
 * Tokens are custom properties on the document root, so every shadow root
 * inherits them. Components use them through `var(--aq-…)` and the shared
 * styles; they never hard-code a colour. Zone colours are named
 * `--aq-zone-<zone>` because the workout plan refers to them by that name
 * (`Zone.colorToken`).
 *
 * Light and dark palettes both meet WCAG AA: body text is at least 7:1 on its
 * surface, muted text at least 4.5:1, links at least 4.5:1, and zone swatches
 * and the focus ring at least 3:1 against the surface they sit on. On the
 * timer screen, `--aq-on-zone` is at least 7:1 on every zone colour and
 * `--aq-on-zone-focus` at least 3:1 (tests/e2e/timer-legibility.e2e.test.ts
 * measures both from the rendered colours).
 */
import { css, type CSSResult } from 'lit';

/** The light palette: text at least 7:1 on its surface, muted text 4.5:1, zone colours 3:1. */
const lightPalette = css`
    --aq-color-bg: #eef3f7;
    --aq-color-surface: #ffffff;
    --aq-color-surface-alt: #e3ebf1;
    --aq-color-text: #0b1a26;
    --aq-color-text-muted: #3b4f60;
    --aq-color-border: #9fb2c2;
    --aq-color-link: #0a4f96;
    --aq-color-focus: #b3125e;
    --aq-color-error: #a3121f;
    --aq-color-error-surface: #fdecee;
    --aq-color-warning: #7a4a00;
    --aq-color-highlight: #d6e8f7;

    /* Deep enough for white text at 7:1 (read from 3 m, in sun). */
    --aq-zone-easy: #176336;
    --aq-zone-medium: #794c00;
    --aq-zone-hard: #97370c;
    --aq-zone-sprint: #ab152a;
    --aq-zone-rest: #34578a;
    --aq-zone-work: #6142ab;

    /* Text and buttons on a zone-coloured timer screen: 7:1 on every zone. */
    --aq-on-zone: #ffffff;
    --aq-on-zone-surface: rgb(0 0 0 / 0.22);
    /* The focus ring on the timer screen: 3:1 against every zone colour. */
    --aq-on-zone-focus: #ffe14d;
`;

/** The dark palette, with the same contrast promises. */
const darkPalette = css`
    --aq-color-bg: #08131c;
    --aq-color-surface: #102230;
    --aq-color-surface-alt: #183043;
    --aq-color-text: #f0f5f9;
    --aq-color-text-muted: #b3c5d3;
    --aq-color-border: #46637a;
    --aq-color-link: #8cccff;
    --aq-color-focus: #ffb0d4;
    --aq-color-error: #ff9ca6;
    --aq-color-error-surface: #3a1419;
    --aq-color-warning: #ffd28a;
    --aq-color-highlight: #1f3f58;

    --aq-zone-easy: #4fd08f;
    --aq-zone-medium: #f3bb45;
    --aq-zone-hard: #ff8f57;
    --aq-zone-sprint: #ff7689;
    --aq-zone-rest: #8db4ee;
    --aq-zone-work: #b49cff;

    --aq-on-zone: #08131c;
    --aq-on-zone-surface: rgb(255 255 255 / 0.3);
    --aq-on-zone-focus: #08131c;
`;

/** Custom properties for the whole app, on `:root`. */
export const tokens: CSSResult = css`
  :root {
    color-scheme: light dark;

    --aq-font-sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial,
      'Noto Sans', sans-serif;
    --aq-font-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
    /* The timer's bundled faces (src/styles/fonts.ts): tall narrow digits, and a low-vision text face. */
    --aq-font-digits: 'Aquajog Digits', 'Roboto Condensed', 'Arial Narrow', sans-serif;
    --aq-font-legible: 'Aquajog Text', var(--aq-font-sans);

    /* Type scale: the smallest text is 16px; body text is 18px. */
    --aq-text-sm: 1rem;
    --aq-text-md: 1.125rem;
    --aq-text-lg: 1.375rem;
    --aq-text-xl: 1.75rem;
    --aq-text-2xl: 2.25rem;
    --aq-leading: 1.45;
    --aq-leading-tight: 1.15;

    --aq-space-1: 0.25rem;
    --aq-space-2: 0.5rem;
    --aq-space-3: 0.75rem;
    --aq-space-4: 1rem;
    --aq-space-5: 1.5rem;
    --aq-space-6: 2rem;
    --aq-space-7: 3rem;

    --aq-radius-1: 0.375rem;
    --aq-radius-2: 0.75rem;
    --aq-radius-pill: 999px;
    --aq-border-width: 1px;
    --aq-focus-width: 3px;
    /* Wet fingers: nothing you can tap is smaller than this. */
    --aq-tap-min: 3rem;
    --aq-page-max: 48rem;

    ${lightPalette}
  }

  @media (prefers-color-scheme: dark) {
    :root:not([data-theme]) {
      ${darkPalette}
    }
  }

  /* Themes chosen in Settings win over the phone's preference. */
  :root[data-theme='light'] {
    color-scheme: light;
    ${lightPalette}
  }
  :root[data-theme='dark'] {
    color-scheme: dark;
    ${darkPalette}
  }
  :root[data-theme='high-contrast'] {
    color-scheme: dark;
    --aq-color-bg: #000000;
    --aq-color-surface: #000000;
    --aq-color-surface-alt: #1a1a1a;
    --aq-color-text: #ffffff;
    --aq-color-text-muted: #e6e6e6;
    --aq-color-border: #ffffff;
    --aq-color-link: #ffff00;
    --aq-color-focus: #00ffff;
    --aq-color-error: #ff8080;
    --aq-color-error-surface: #330000;
    --aq-color-warning: #ffd000;
    --aq-color-highlight: #333300;

    --aq-zone-easy: #00e676;
    --aq-zone-medium: #ffd600;
    --aq-zone-hard: #ff9100;
    --aq-zone-sprint: #ff6565;
    --aq-zone-rest: #40c4ff;
    --aq-zone-work: #ea80fc;

    --aq-on-zone: #000000;
    --aq-on-zone-surface: rgb(255 255 255 / 0.35);
    --aq-on-zone-focus: #000000;
  }
`;

/** Base styles for the document itself (the page behind the components). */
export const documentStyles: CSSResult = css`
  html {
    background: var(--aq-color-bg);
    color: var(--aq-color-text);
    font-family: var(--aq-font-sans);
    font-size: 100%;
    line-height: var(--aq-leading);
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
  body {
    margin: 0;
    min-height: 100vh;
    min-height: 100dvh;
  }
`;

/**
 * Adds the tokens and document styles to a document. Safe to call twice.
 * The entry module calls it once; component tests call it so what they render
 * looks like the app.
 */
export function adoptTokens(doc: Document = document): void {
  const sheets = [tokens.styleSheet, documentStyles.styleSheet].filter((sheet): sheet is CSSStyleSheet => sheet !== undefined);
  const missing = sheets.filter((sheet) => !doc.adoptedStyleSheets.includes(sheet));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, ...missing];
}
