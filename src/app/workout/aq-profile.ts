import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ESTIMATE, formatClock, summarise } from '../../dsl';
import type { Interval, Plan, Zone } from '../../dsl';
import { sharedStyles } from '../../styles/shared';
import { cssProps } from '../shared/css-props';
import { zoneColor, zoneName } from '../shared/format';

/** How wide an untimed step is drawn: the time it is estimated to take. */
function secondsOf(interval: Interval): number {
  if (interval.duration !== null) return interval.duration;
  if (interval.amount === 'open') return ESTIMATE.openSeconds;
  if (interval.reps === null) return ESTIMATE.repsUntilDoneSeconds;
  return interval.reps * (interval.amount === 'steps' ? ESTIMATE.stepSeconds : ESTIMATE.repSeconds);
}

/** One bar of the profile, in the SVG's units (width: seconds; height: 0..100). */
export interface ProfileBar {
  readonly x: number;
  readonly width: number;
  readonly height: number;
  readonly zone: string;
}

/** The bars for a plan: width = time, height = effort (rest low, sprint high). */
export function profileBars(plan: Plan): { bars: ProfileBar[]; seconds: number } {
  const zones = new Map(plan.zones.map((zone) => [zone.name, zone]));
  let x = 0;
  const bars = plan.intervals.map((interval) => {
    const width = Math.max(1, secondsOf(interval));
    const intensity = zones.get(interval.zone)?.intensity ?? 2;
    const bar = { x, width, height: 20 + intensity * 16, zone: interval.zone };
    x += width;
    return bar;
  });
  return { bars, seconds: x };
}

/**
 * The shape of a whole workout at a glance: an SVG profile, one bar per
 * interval, as wide as it lasts and as tall as it is hard, in its zone's
 * colour (a zone's bars are drawn as one path), with a legend of the zones it uses. Drawn from the plan alone, so
 * the editor shows it live and every workout page shows it too.
 *
 * @cssprop --aq-zone-* - Zone colours.
 */
@customElement('aq-profile')
export class AqProfile extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-2);
      }
      svg {
        display: block;
        width: 100%;
        height: 6rem;
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
      }
      .axis {
        display: flex;
        justify-content: space-between;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-1) var(--aq-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: var(--aq-text-sm);
      }
    `,
  ];

  /** The plan to draw. */
  @property({ attribute: false }) plan: Plan | null = null;

  override render() {
    const plan = this.plan;
    if (plan === null || plan.intervals.length === 0) return nothing;
    const { bars, seconds } = profileBars(plan);
    const zones = new Map<string, Zone | undefined>(plan.zones.map((zone) => [zone.name, zone]));
    const used = [...new Set(bars.map((bar) => bar.zone))];
    const label = `Profile: ${summarise(plan)}, ${plan.intervals.length} intervals${plan.untimedCount > 0 ? ', untimed steps at an estimate' : ''}.`;
    // One path per zone, its bars as rectangles within it: a long workout (a thousand intervals) is a
    // handful of elements to create, style and lay out rather than a thousand, which the editor's
    // live preview redraws as one types.
    const outlines = new Map<string, string[]>();
    for (const bar of bars) {
      let d = outlines.get(bar.zone);
      if (!d) outlines.set(bar.zone, (d = []));
      d.push(`M${bar.x} ${100 - bar.height}h${bar.width}v${bar.height}h${-bar.width}z`);
    }
    return html`
      <svg viewBox="0 0 ${seconds} 100" preserveAspectRatio="none" role="img" aria-label=${label}>
        ${[...outlines].map(([zone, d]) => svg`<path d=${d.join('')} style=${cssProps({ fill: zoneColor(zones.get(zone)) })}></path>`)}
      </svg>
      <div class="axis tabular" aria-hidden="true"><span>0:00</span><span>${formatClock(seconds)}</span></div>
      <ul aria-label="Zones">
        ${used.map((name) => html`<li><span class="swatch" style=${cssProps({ '--swatch': zoneColor(zones.get(name)) })}></span>${zoneName(zones.get(name), name)}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-profile': AqProfile;
  }
}
