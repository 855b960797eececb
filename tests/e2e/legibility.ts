/**
 * Measuring the timer screen as it is rendered, for the legibility journeys
 * (timer-legibility.e2e.test.ts) and `npm run bench -- legibility`:
 *
 * - glyph height: the ink of the time left's digits (canvas `measureText` with
 *   the element's computed font: the glyphs' own bounding box, not the font
 *   size), as a share of the viewport's height;
 * - contrast: each text's computed colour against the background it is drawn
 *   on (every ancestor's background composited, down to the zone colour), and
 *   the focus ring's colour against the zone, for each zone colour in turn;
 * - layout: anything outside the viewport, a page that scrolls, text that
 *   spills out of its button, two texts on top of each other.
 *
 * The functions handed to the page are self-contained (no helpers from this
 * module inside them), so they run the same under Vitest and tsx.
 */
import type { Page } from 'playwright';

/** Some fixed day: the app only reads differences between clock times. */
const T0 = new Date('2025-06-02T06:30:00Z').getTime();

/**
 * Opens a workout from the library and presses Start, with the page's clock
 * paused from the first script on: the screen moves only when the caller
 * moves the clock. Waits for the bundled fonts.
 */
export async function startRun(page: Page, title: string): Promise<void> {
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + 1000);
  await page.goto('/');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Hip strength extras up to the glute bridge's tempo reps (2 s up, 5 s hold, 2 s down), rep 1 just begun. */
export async function reachTempo(page: Page): Promise<void> {
  await startRun(page, 'Hip strength extras');
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.clock.runFor(5000);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.clock.runFor(30_000);
  await page.getByText('Rep 1 of 10', { exact: true }).waitFor();
}

/** Sets the viewport; layout (and the orientation media query) follows on the next read. */
export async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => document.body.offsetHeight);
}

export const ZONE_TOKENS = ['--aq-zone-easy', '--aq-zone-medium', '--aq-zone-hard', '--aq-zone-sprint', '--aq-zone-rest', '--aq-zone-work'] as const;

/** The themes a person can be in: Settings' three, and the phone's dark mode with no choice made. */
export const THEMES = ['light', 'dark', 'high-contrast', 'system-dark'] as const;
export type Theme = (typeof THEMES)[number];

export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme === 'light' ? 'light' : 'dark' });
  await page.evaluate((t) => {
    if (t === 'system-dark') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', t);
  }, theme);
}

export interface GlyphHeight {
  /** Ink height of the shortest group of digits in the time left, px. */
  readonly inkPx: number;
  readonly viewportHeight: number;
  /** inkPx / viewportHeight. */
  readonly ratio: number;
  /** What was measured, e.g. "1|40" (one group per text node). */
  readonly text: string;
  /** The bundled digits face was the one used. */
  readonly bundledFont: boolean;
  /** Every measured group lies inside the viewport. */
  readonly inView: boolean;
}

/** The rendered height of the time left (or of a tempo phase's seconds): the big number on the screen. */
export async function glyphHeight(page: Page): Promise<GlyphHeight> {
  return page.locator('aq-timer-screen').evaluate((host) => {
    const timer = host.shadowRoot?.querySelector('[role="timer"]');
    if (!timer) throw new Error('no time left on screen');
    const canvas = document.createElement('canvas').getContext('2d')!;
    const groups: { text: string; ink: number; inView: boolean }[] = [];
    const walker = document.createTreeWalker(timer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement!;
      if (!/\d/.test(text) || parent.getClientRects().length === 0 || getComputedStyle(parent).display === 'none') continue;
      const style = getComputedStyle(parent);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const m = canvas.measureText(style.textTransform === 'uppercase' ? text.trim().toUpperCase() : text.trim());
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      // The range is the font's whole em box; the ink sits inside it, from the baseline up and down.
      const baseline = r.top + m.fontBoundingBoxAscent;
      const [inkTop, inkBottom] = [baseline - m.actualBoundingBoxAscent, baseline + m.actualBoundingBoxDescent];
      groups.push({
        text: text.trim(),
        ink: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent,
        inView: inkTop >= 0 && r.left >= 0 && inkBottom <= innerHeight && r.right <= innerWidth && r.height > 0,
      });
    }
    if (groups.length === 0) throw new Error('no digits in the time left');
    const inkPx = Math.min(...groups.map((g) => g.ink));
    const family = getComputedStyle(timer).fontFamily;
    return {
      inkPx,
      viewportHeight: innerHeight,
      ratio: inkPx / innerHeight,
      text: groups.map((g) => g.text).join('|'),
      bundledFont:
        family.startsWith('"Aquajog Digits"') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Aquajog Digits' && f.status === 'loaded'),
      inView: groups.every((g) => g.inView),
    };
  });
}

export interface ContrastReading {
  readonly zone: string;
  /** The lowest text contrast on this zone, and whose. */
  readonly minText: number;
  readonly worstText: string;
  /** Texts measured. */
  readonly texts: number;
  /** The focus ring of the focused control against the zone colour (0 when no ring shows). */
  readonly focusRing: number;
}

/**
 * For each zone colour in turn (set on the screen as it would be for an
 * interval of that zone), the contrast of every visible text on the timer
 * screen against what is behind it, and of the focus ring against the zone.
 * Call it with the page's clock paused: the screen sets its zone on render.
 */
export async function contrastByZone(page: Page, zones: readonly string[] = ZONE_TOKENS): Promise<ContrastReading[]> {
  // The ring shows for keyboard focus: move focus with the keyboard (onto the first control, or on and back) and measure where it lands.
  const focusedInside = await page.locator('aq-timer-screen').evaluate((host) => host.shadowRoot?.activeElement !== null);
  await page.keyboard.press('Tab');
  if (focusedInside) await page.keyboard.press('Shift+Tab');
  return page.locator('aq-timer-screen').evaluate((host, zoneTokens) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unreadable colour ${c}`);
      const p = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const lum = (c: Rgba) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [x, y] = [lum(a), lum(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    /** Background behind `el`: its own and its ancestors' backgrounds, composited from the page up. */
    const backdrop = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = parentOf(e)) layers.push(parse(getComputedStyle(e).backgroundColor));
      let colour: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const root = host.shadowRoot!;
    const out = [];
    const previous = host.style.getPropertyValue('--zone');
    for (const zone of zoneTokens) {
      host.style.setProperty('--zone', `var(${zone})`);
      let minText = Infinity;
      let worstText = '';
      let texts = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const fg = over(parse(style.color), backdrop(el));
        const r = ratio(fg, backdrop(el));
        texts++;
        if (r < minText) [minText, worstText] = [r, text];
      }
      // The ring is drawn outside the focused control, on what is behind it.
      const focused = root.activeElement as HTMLElement | null;
      let focusRing = 0;
      if (focused?.matches(':focus-visible')) {
        const style = getComputedStyle(focused);
        const behind = backdrop(parentOf(focused)!);
        // No ring drawn at all counts as no contrast.
        const ring = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? behind : over(parse(style.outlineColor), behind);
        focusRing = ratio(ring, behind);
      }
      out.push({ zone, minText, worstText, texts, focusRing });
    }
    if (previous) host.style.setProperty('--zone', previous);
    else host.style.removeProperty('--zone');
    return out;
  }, zones);
}

export interface LayoutProblem {
  readonly what: string;
  readonly problem: string;
}

/**
 * What a person would see as broken at this size: the page scrolling sideways
 * (or, on a timer screen, at all), anything on the timer screen outside the
 * viewport, text spilling out of its button, two texts overlapping.
 * `ownOnly`: only the timer screen's own content, not the page around it.
 */
export async function layoutProblems(page: Page, options: { scrollsDown?: boolean; ownOnly?: boolean } = {}): Promise<LayoutProblem[]> {
  return page.locator('aq-timer-screen').evaluate(
    (host, [scrollsDown, ownOnly]) => {
      const problems: { what: string; problem: string }[] = [];
      const doc = document.documentElement;
      if (!ownOnly && doc.scrollWidth > innerWidth) problems.push({ what: 'page', problem: `scrolls sideways: ${doc.scrollWidth} px wide in ${innerWidth}` });
      if (!scrollsDown && doc.scrollHeight > innerHeight) problems.push({ what: 'page', problem: `scrolls: ${doc.scrollHeight} px tall in ${innerHeight}` });
      const root = host.shadowRoot!;
      const boxes: { what: string; r: DOMRect; el: Element }[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const canvas = document.createElement('canvas').getContext('2d')!;
      /** The ink of a text node, line by line: the range's boxes are the font's em boxes, taller than the glyphs. */
      const inkRects = (node: Text, el: Element): DOMRect[] => {
        const style = getComputedStyle(el);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = (node.textContent ?? '').trim();
        // Measured as drawn: "Up" in capitals has no descender.
        const m = canvas.measureText(style.textTransform === 'uppercase' ? text.toUpperCase() : text);
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()]
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => {
            const baseline = r.top + m.fontBoundingBoxAscent;
            const top = baseline - m.actualBoundingBoxAscent;
            return new DOMRect(r.left, top, r.width, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
          });
      };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!(node.textContent ?? '').trim() || !el || el.closest('.visually-hidden') || getComputedStyle(el).display === 'none') continue;
        for (const r of inkRects(node as Text, el)) {
          boxes.push({ what: name(el), r, el });
          const limit = scrollsDown ? Infinity : innerHeight;
          if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > limit + 0.5) {
            problems.push({
              what: name(el),
              problem: `outside the viewport: ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`,
            });
          }
          const button = el.closest('button');
          if (button) {
            const b = button.getBoundingClientRect();
            if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
              problems.push({ what: name(button), problem: `text spills out of the button (${Math.round(r.width)} px of text in ${Math.round(b.width)} px)` });
            }
          }
        }
      }
      for (const button of root.querySelectorAll('button')) {
        const b = button.getBoundingClientRect();
        if (b.width === 0) continue;
        if (b.left < -0.5 || b.right > innerWidth + 0.5 || b.top < -0.5 || (!scrollsDown && b.bottom > innerHeight + 0.5)) {
          problems.push({ what: name(button), problem: 'button outside the viewport' });
        }
      }
      // Text boxes of different elements overlapping (a lock or dialog covers the screen on purpose: only its own texts count then).
      const covering = root.querySelector('.lock, .confirm');
      const shown = covering ? boxes.filter((b) => covering.contains(b.el)) : boxes;
      for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length; j++) {
          const [a, b] = [shown[i]!, shown[j]!];
          if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 1 && y > 1) problems.push({ what: `${a.what} and ${b.what}`, problem: `overlap by ${Math.round(x)}x${Math.round(y)} px` });
        }
      }
      return problems;
    },
    [options.scrollsDown ?? false, options.ownOnly ?? false] as const,
  );
}

/** Height in px of each named button on the screen. */
export async function buttonHeights(page: Page, names: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    if (box) out[name] = box.height;
  }
  return out;
}
