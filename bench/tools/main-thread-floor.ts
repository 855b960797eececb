/**
 * What a running workout's main-thread time can't go below, in the measure of
 * `npm run bench -- timer` (b): the same Chromium, window, touch screen and
 * CDP TaskDuration in thread CPU time, on pages that do only the least a
 * running workout must do: wake once a second and change a text (the digits
 * and the frame they need), and play a looping WAV through an <audio> as the
 * cue track does (mono 16-bit at the track's 22,050 Hz, beside 8 kHz 8-bit,
 * the silent keep-alive's format).
 *
 * Beside them, the one way found to change the digits with no main-thread
 * frame: a steps() transform animation of a strip of digits, which the
 * compositor runs. It is measured with the CPU time of every Chromium process
 * (SystemInfo.getProcessInfo), since the compositor and GPU work it moves off
 * the main thread still drain the battery.
 *
 *   npx tsx bench/tools/main-thread-floor.ts [reps] [seconds]
 *
 * Figures only: ms of main-thread time per second of wall time, each rep; then
 * the renderer's and the GPU process's whole CPU time (all their threads) per
 * second, from the last rep.
 */
import type { Browser } from 'playwright';
import { TRACK_RATE } from '../../src/engine/cue-track';
import { launch } from '../timer';

/** A page script making a silent mono WAV of `rate` Hz and `bits` bits as a Blob (`wav()`), 30 s long. */
function wavScript(rate: number, bits: 8 | 16): string {
  return `function wav() {
    const bytes = ${bits / 8}, n = ${rate} * 30 * bytes, v = new DataView(new ArrayBuffer(44 + n));
    const str = (o, s) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
    str(0, 'RIFF'); v.setUint32(4, 36 + n, true); str(8, 'WAVE'); str(12, 'fmt ');
    v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
    v.setUint32(24, ${rate}, true); v.setUint32(28, ${rate} * bytes, true); v.setUint16(32, bytes, true);
    v.setUint16(34, ${bits}, true); str(36, 'data'); v.setUint32(40, n, true);
    if (bytes === 1) new Uint8Array(v.buffer, 44).fill(128);
    return new Blob([v.buffer], { type: 'audio/wav' });
  }`;
}

const TICK = `let n = 0; setInterval(() => { n++; }, 1000);`;
const TEXT = `let n = 0; setInterval(() => { document.getElementById('t').firstChild.data = String(++n); }, 1000);`;
/** The compositor's way: ten digits in a strip, one shown at a time, a step a second with no script and no frame of the page. */
const ANIMATE = `document.getElementById('s').animate([{ transform: 'translateY(0)' }, { transform: 'translateY(-10lh)' }], { duration: 10000, iterations: Infinity, easing: 'steps(10)' });`;
const PLAY = `document.getElementById('go').onclick = () => { const a = new Audio(URL.createObjectURL(wav())); a.loop = true; a.play(); };`;

const PAGES: readonly { readonly name: string; readonly script: string; readonly audio: boolean }[] = [
  { name: 'nothing running', script: '', audio: false },
  { name: 'a timer once a second, no change', script: TICK, audio: false },
  { name: 'one text changed once a second', script: TEXT, audio: false },
  { name: `<audio> looping a ${TRACK_RATE} Hz 16-bit WAV`, script: `${wavScript(TRACK_RATE, 16)} ${PLAY}`, audio: true },
  { name: '<audio> looping an 8 kHz 8-bit WAV', script: `${wavScript(8000, 8)} ${PLAY}`, audio: true },
  { name: 'a steps() animation of a digit strip (compositor)', script: ANIMATE, audio: false },
  { name: `one text a second + the ${TRACK_RATE} Hz <audio>`, script: `${wavScript(TRACK_RATE, 16)} ${PLAY} ${TEXT}`, audio: true },
];

interface Measured {
  /** Main-thread task time, ms per s. */
  readonly main: number;
  /** CPU time of all the threads of each kind of process (renderer, GPU, ...), ms per s. */
  readonly processes: Readonly<Record<string, number>>;
}

async function measure(browser: Browser, page: (typeof PAGES)[number], seconds: number): Promise<Measured> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  try {
    const tab = await context.newPage();
    const html = `<!doctype html><meta name="viewport" content="width=device-width"><style>#w { height: 1lh; width: 1ch; overflow: hidden; } #s { will-change: transform; }</style><p id="t">0</p><div id="w"><div id="s">0<br>1<br>2<br>3<br>4<br>5<br>6<br>7<br>8<br>9</div></div><button id="go">Go</button><script>${page.script}</script>`;
    await tab.route('http://floor.test/', (r) => r.fulfill({ body: html, contentType: 'text/html' }));
    await tab.goto('http://floor.test/');
    // Media may only start in a gesture, as the Start tap does in the app.
    if (page.audio) await tab.locator('#go').tap();
    await tab.waitForTimeout(2000);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const browserCdp = await browser.newBrowserCDPSession();
    const cpu = async () => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
      return new Map(processInfo.map((p) => [`${p.type} ${p.id}`, p.cpuTime]));
    };
    const c0 = await cpu();
    const m0 = await metrics();
    await tab.waitForTimeout(seconds * 1000);
    const m1 = await metrics();
    const c1 = await cpu();
    await browserCdp.detach();
    const wall = m1['Timestamp']! - m0['Timestamp']!;
    const processes: Record<string, number> = {};
    for (const [key, t] of c1) {
      const type = key.split(' ')[0]!;
      processes[type] = (processes[type] ?? 0) + ((t - (c0.get(key) ?? 0)) * 1000) / wall;
    }
    return { main: ((m1['TaskDuration']! - m0['TaskDuration']!) * 1000) / wall, processes };
  } finally {
    await context.close();
  }
}

const reps = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 15);
const browser = await launch();
try {
  console.log(`Chromium ${browser.version()}, 390x844, touch; ${reps} x ${seconds} s each; ms per s of wall time:`);
  console.log('main-thread task time (thread CPU), each rep | whole-process CPU (all threads), last rep: renderer, GPU');
  for (const page of PAGES) {
    const runs: Measured[] = [];
    for (let i = 0; i < reps; i++) runs.push(await measure(browser, page, seconds));
    const last = runs.at(-1)!.processes;
    const proc = (type: string) => (last[type] ?? 0).toFixed(1).padStart(5);
    console.log(`  ${page.name.padEnd(52)} ${runs.map((r) => r.main.toFixed(2)).join('  ')} | ${proc('renderer')} ${proc('GPU')}`);
  }
} finally {
  await browser.close();
}
