/**
 * Where a keystroke in the editor's 500-line workout goes, in Chromium on the
 * production build, typed as bench/editor.ts types it (vite preview, 390x844,
 * service worker blocked, "x" and Backspace in turn on line 255, 250 ms
 * apart). By default records a Chrome trace and prints, per keystroke, the
 * renderer main thread's phases: the browser's own editing up to the input
 * event, the input event's script, the forced style and layout passes, and the
 * next frame's lifecycle phases; then every event by name.
 *
 *   npx vite build && npx tsx bench/tools/trace-editor.ts [keystrokes] [options]
 *
 *   --save trace.json    keep the trace (it opens in Chrome's Performance panel)
 *   --profile            add the sampling profiler's self time by function
 *   --invalidations      record why style and layout were invalidated (read them in --save's file)
 *   --measure            no trace: the bench's own probes (keydown -> DOM -> frame), more keystrokes
 *   --js                 no trace: the editor elements' update and input methods, timed in the page
 *   --keyup-delay MS     release each key MS after pressing it (a real key press's keyup comes later)
 *   --css TEXT           extra CSS in the code editor's shadow root, to try a change without a build
 *   --page-css TEXT      the same in the editor page's shadow root
 *
 * $AQUAJOG_OUT_DIR picks another build directory. Figures only; tracing costs
 * main-thread time itself, so traced figures run above `npm run bench -- editor`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { fiveHundredLines, keystrokeProbe, type KeystrokeSample } from '../editor';
import { stats, table } from '../report';
import { launch, NAME_SHIM, portOf } from '../timer';
import { mainThread, profile, startTrace, type TraceEvent } from './trace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sampling = args.includes('--profile');
const invalidations = args.includes('--invalidations');
const savePath = flag('--save');
const keyupDelay = Number(flag('--keyup-delay') ?? 0);
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 40);
const outDir = process.env['AQUAJOG_OUT_DIR'] || 'dist';

const server = await preview({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
});
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  await context.addInitScript(NAME_SHIM);
  const page = await context.newPage();
  /** One keystroke of the bench's pair ("x", then Backspace), released at once or --keyup-delay later. */
  const press = async (i: number) => {
    const key = i % 2 === 0 ? 'x' : 'Backspace';
    if (keyupDelay <= 0) return page.keyboard.press(key);
    await page.keyboard.down(key);
    await page.waitForTimeout(keyupDelay);
    await page.keyboard.up(key);
  };
  await page.goto(`http://127.0.0.1:${portOf(server.httpServer.address())}/#/edit/new`);
  const text = page.getByRole('textbox', { name: 'Workout text' });
  const source = fiveHundredLines();
  await text.fill(source);
  await page.getByText('None: this workout can be started.').waitFor();
  const at = source.indexOf('30s sprint', Math.floor(source.length / 2)) + '30s sprint'.length;
  await text.evaluate((el: HTMLTextAreaElement, at: number) => {
    el.focus();
    el.setSelectionRange(at, at);
  }, at);
  // Experiments: extra CSS in the code editor's shadow root (--css) or the editor page's (--page-css).
  await page.evaluate(
    ([css, pageCss]) => {
      const editorPage = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-editor-page')!;
      const code = editorPage.shadowRoot!.querySelector('aq-code-editor')!;
      for (const [root, text] of [
        [code.shadowRoot!, css],
        [editorPage.shadowRoot!, pageCss],
      ] as const) {
        if (!text) continue;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    },
    [flag('--css') ?? '', flag('--page-css') ?? ''] as const,
  );
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForTimeout(200);
  }
  if (args.includes('--js')) {
    // How long the editor's own script takes per keystroke, by method (wrapped in place).
    await page.evaluate(() => {
      const w = window as unknown as { __js: Record<string, number[]> };
      w.__js = {};
      const wrap = (tag: string, method: string) => {
        const proto = customElements.get(tag)!.prototype as Record<string, (...a: unknown[]) => unknown>;
        const original = proto[method]!;
        proto[method] = function (this: unknown, ...a: unknown[]) {
          const t = performance.now();
          try {
            return original.apply(this, a);
          } finally {
            (w.__js[`${tag}.${method}`] ??= []).push(performance.now() - t);
          }
        };
      };
      for (const m of ['update', '_onInput', '_onCaret']) wrap('aq-code-editor', m);
      for (const m of ['update', '_setText']) wrap('aq-editor-page', m);
    });
    for (let i = 0; i < runs; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForTimeout(200);
    }
    const js = await page.evaluate(() => (window as unknown as { __js: Record<string, number[]> }).__js);
    for (const [k, xs] of Object.entries(js)) {
      const s = stats(xs);
      console.log(
        `${k.padEnd(28)} n ${String(xs.length).padStart(4)}  per keystroke ${((s.median * xs.length) / runs).toFixed(2)}  median ${s.median.toFixed(2)}  p95 ${s.p95.toFixed(2)}`,
      );
    }
    await context.close();
    process.exit(0);
  }
  if (args.includes('--measure')) {
    // As bench/editor.ts measures, without a trace: keydown -> DOM change -> the frame after it.
    await page.evaluate(keystrokeProbe);
    for (let i = 0; i < runs; i++) {
      await press(i);
      await page.waitForFunction((n) => (window as unknown as { __samples: unknown[] }).__samples.length >= n, i + 1);
      await page.waitForTimeout(200);
    }
    const samples = await page.evaluate(() => (window as unknown as { __samples: KeystrokeSample[] }).__samples);
    const show = (label: string, xs: number[]) => {
      const s = stats(xs);
      console.log(`${label.padEnd(14)} median ${s.median.toFixed(1).padStart(5)}  p95 ${s.p95.toFixed(1).padStart(5)}  max ${s.max.toFixed(1).padStart(5)}`);
    };
    for (const [label, xs] of [
      ['dom', samples.map((x) => x.dom)],
      ['frameStart', samples.map((x) => x.frameStart)],
      ['rendering', samples.map((x) => x.frame - x.frameStart)],
      ['frame', samples.map((x) => x.frame)],
      ['frame x', samples.filter((_, i) => i % 2 === 0).map((x) => x.frame)],
      ['frame BS', samples.filter((_, i) => i % 2 === 1).map((x) => x.frame)],
    ] as const)
      show(label, xs);
    await context.close();
    process.exit(0);
  }
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp, { sampling, invalidations });
  for (let i = 0; i < runs; i++) {
    await press(i);
    await page.waitForTimeout(250);
  }
  const events = await stop();
  if (savePath) writeFileSync(savePath, JSON.stringify({ traceEvents: events }));

  const main = mainThread(events);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const typeOf = (e: TraceEvent) => (e.args?.['data'] as { type?: string } | undefined)?.type ?? '?';
  const keydowns = mine.filter((e) => e.name === 'EventDispatch' && typeOf(e) === 'keydown');

  // The phases of each keystroke: up to the next frame's BeginMainFrame after its input event, and that frame.
  const phases = new Map<string, number[]>();
  const note = (name: string, ms: number) => phases.set(name, [...(phases.get(name) ?? []), ms]);
  const outermost = (list: readonly TraceEvent[]) =>
    list.filter((e) => !list.some((o) => o !== e && e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0)));
  for (const k of keydowns) {
    const input = mine.find((e) => e.name === 'EventDispatch' && typeOf(e) === 'input' && e.ts > k.ts && e.ts < k.ts + 40_000);
    const frame = input && mine.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > input.ts);
    if (!input || !frame) continue;
    const before = mine.filter((e) => e.ts >= k.ts && e.ts + (e.dur ?? 0) <= frame.ts);
    const forced = outermost(before.filter((e) => e.name === 'Document::UpdateStyleAndLayout' && (e.dur ?? 0) > 50));
    note('keydown -> input event (the browser’s editing)', (input.ts - k.ts) / 1000);
    note('input event (script, and the updates it runs)', (input.dur ?? 0) / 1000);
    note('forced style and layout before the input event', forced.filter((e) => e.ts < input.ts).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000);
    note('forced style and layout after it', forced.filter((e) => e.ts >= input.ts).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000);
    note('keydown -> the next frame starts', (frame.ts - k.ts) / 1000);
    note('that frame, in all', (frame.dur ?? 0) / 1000);
    const inFrame = mine.filter((e) => e.ts >= frame.ts && e.ts + (e.dur ?? 0) <= frame.ts + (frame.dur ?? 0));
    for (const [label, name] of [
      ['  compositing inputs', 'LocalFrameView::RunCompositingInputsLifecyclePhase'],
      ['  pre-paint', 'LocalFrameView::RunPrePaintLifecyclePhase'],
      ['  paint', 'LocalFrameView::RunPaintLifecyclePhase'],
      ['  layerize', 'Layerize'],
      ['  commit', 'Commit'],
    ] as const) {
      note(label, Math.max(0, ...inFrame.filter((e) => e.name === name).map((e) => (e.dur ?? 0) / 1000)));
    }
  }
  const phaseRows = [...phases].map(([name, list]) => {
    const s = stats(list);
    return [name, s.median.toFixed(2), s.p95.toFixed(2), s.max.toFixed(2)];
  });
  console.log(`${keydowns.length} keystrokes, traced; ms per keystroke`);
  for (const l of table(['phase', 'median', 'p95', 'max'], phaseRows, 'lrrr')) console.log(l);
  console.log();

  const per = new Map<string, number[]>();
  keydowns.forEach((k, n) => {
    const sums = new Map<string, number>();
    for (const e of mine) {
      if (e.ts < k.ts || e.ts > k.ts + 40_000) continue;
      const name = e.name === 'EventDispatch' ? `EventDispatch ${typeOf(e)}` : e.name;
      sums.set(name, (sums.get(name) ?? 0) + (e.dur ?? 0) / 1000);
      if (e.name === 'EventDispatch' || e.name === 'Paint' || e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'PrePaint') {
        const at = `  @${e.name === 'EventDispatch' ? typeOf(e) : e.name} start`;
        if (!sums.has(at)) sums.set(at, (e.ts - k.ts) / 1000);
      }
    }
    for (const [name, v] of sums) {
      const list = per.get(name) ?? Array.from({ length: n }, () => 0);
      list.push(v);
      per.set(name, list);
    }
    for (const list of per.values()) while (list.length < n + 1) list.push(0);
  });
  const rows = [...per]
    .map(([name, list]) => [name, stats(list)] as const)
    .filter(([, s]) => s.max >= 0.2)
    .sort((a, b) => b[1].median - a[1].median)
    .map(([name, s]) => [name, s.median.toFixed(2), s.p95.toFixed(2), s.max.toFixed(2)]);
  console.log(`${keydowns.length} keystrokes; per keystroke, ms of main-thread events from the keydown to 40 ms after (nested events count in each)`);
  for (const l of table(['event', 'median', 'p95', 'max'], rows, 'lrrr')) console.log(l);

  if (sampling) {
    const self = profile(events, main.pid);
    const top = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([k, v]) => [k, (v / keydowns.length).toFixed(2)]);
    for (const l of table(['function (self)', 'ms per keystroke'], top, 'lr')) console.log(l);
  }
  await context.close();
} finally {
  await server.close();
  await browser.close();
}
