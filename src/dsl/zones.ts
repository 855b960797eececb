/** The zones every workout starts with, and how a defined zone is coloured. */
import type { Target, Zone } from './plan';

const pct = (low: number, high: number): Target => ({ low, high, unit: '%HRmax' });

/** Built-in zones, easiest first. Harder zones sound higher. */
export const BUILT_IN_ZONES: readonly Zone[] = [
  { name: 'rest', label: 'Rest', intensity: 0, target: null, colorToken: '--aq-zone-rest' },
  { name: 'easy', label: 'Easy', intensity: 1, target: null, colorToken: '--aq-zone-easy' },
  { name: 'work', label: 'Work', intensity: 2, target: null, colorToken: '--aq-zone-work' },
  { name: 'medium', label: 'Medium', intensity: 3, target: pct(87, 92), colorToken: '--aq-zone-medium' },
  { name: 'hard', label: 'Hard', intensity: 4, target: null, colorToken: '--aq-zone-hard' },
  { name: 'sprint', label: 'Sprint', intensity: 5, target: pct(95, 100), colorToken: '--aq-zone-sprint' },
];

/** The zone a step runs in when it names none. */
export const DEFAULT_ZONE = 'work';

/**
 * Intensity of a zone the file defines: from its heart-rate target when it is a
 * percentage of HRmax, otherwise between work and medium.
 */
export function intensityOf(target: Target | null): number {
  if (!target || target.unit !== '%HRmax') return 2.5;
  const mid = (target.low + target.high) / 2;
  if (mid < 60) return 0.5;
  if (mid < 75) return 1.5;
  if (mid < 87) return 2.5;
  if (mid < 95) return 3.5;
  return 4.5;
}

/** Colour token for an intensity: the nearest built-in zone's colour. */
export function colorTokenFor(intensity: number): string {
  let best = BUILT_IN_ZONES[0]!;
  for (const z of BUILT_IN_ZONES) if (Math.abs(z.intensity - intensity) < Math.abs(best.intensity - intensity)) best = z;
  return best.colorToken;
}

/** Title-case a zone name for display: `threshold` -> `Threshold`. */
export function labelFor(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}
