/**
 * Aquajog benchmarks: figures to read, no pass or fail.
 *
 *   npm run bench                 every section
 *   npm run bench -- dsl          one section (or several: dsl bundle)
 *   npm run bench -- --build      rebuild dist/ before measuring (bundle, timer, storage, offline)
 *   npm run bench -- timer --runs-only   only the timer's real-time runs (no cue render, no heap run)
 *   AQUAJOG_OUT_DIR=dist-x npm run bench -- timer   measure another build directory
 *
 * Each section is a module exporting a `Section` (bench/report.ts), listed in
 * SECTIONS below.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleSection } from './bundle';
import { cuesSection } from './cues';
import { dslSection } from './dsl';
import { editorSection } from './editor';
import { legibilitySection } from './legibility';
import { offlineSection } from './offline';
import { storageSection } from './storage';
import { timerSection } from './timer';
import type { Section } from './report';

const SECTIONS: readonly Section[] = [dslSection, bundleSection, timerSection, cuesSection, legibilitySection, storageSection, offlineSection, editorSection];
const FLAGS = new Set(['--build', '--runs-only']);

function usage(): string {
  return [
    'Usage: npm run bench -- [SECTION...] [--build] [--runs-only]',
    '',
    ...SECTIONS.map((s) => `  ${s.name.padEnd(8)}${s.title}`),
    '  --build  run vite build first (otherwise only when dist/ is missing)',
    '  --runs-only  timer: only the real-time runs (b)-(d), without (a) cue onsets and (e) heap',
  ].join('\n');
}

export async function main(argv: readonly string[], print: (line?: string) => void = (l = '') => console.log(l)): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(usage());
    return 0;
  }
  const unknown = argv.filter((a) => !FLAGS.has(a) && !SECTIONS.some((s) => s.name === a));
  if (unknown.length > 0) {
    console.error(`unknown section or flag: ${unknown.join(' ')}\n${usage()}`);
    return 2;
  }
  const names = argv.filter((a) => !FLAGS.has(a));
  const chosen = names.length === 0 ? SECTIONS : SECTIONS.filter((s) => names.includes(s.name));
  const flags = new Set(argv.filter((a) => FLAGS.has(a)));
  const root = fileURLToPath(new URL('..', import.meta.url));

  const cpu = cpus();
  print('Aquajog benchmarks');
  print(
    `node ${process.version} on ${platform()} ${release()} (${process.arch}); ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} core${cpu.length === 1 ? '' : 's'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  );
  print(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (timings are noisy when this is high)`,
  );
  for (const section of chosen) {
    print();
    print(`== ${section.name}: ${section.title}`);
    const t0 = performance.now();
    await section.run({ root, flags, print });
    print(`   (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
