/**
 * Stage 5: checks that need the whole tree: where `*` and `between` may go,
 * ladders that reach their rungs, and progressions that need `weeks:`.
 */
import type { Ladder, Node, Quantity, Workout } from './ast';
import type { Reporter } from './diagnostics';
import { clockText } from './parse';

export function check(workout: Workout, report: Reporter): void {
  const hasWeeks = workout.weeks !== null;
  const visitQuantity = (q: Quantity | null): void => {
    if (q?.kind === 'progression' && !hasWeeks) {
      report.error('progression-needs-weeks', q.arrow.start, q.arrow.end, '"->" grows a value over weeks: add "weeks: 6" under the title.');
    }
  };

  /** Returns the number of `*` steps that belong to the nearest enclosing ladder. */
  const visit = (nodes: readonly Node[], parent: Node | null, ladder: Ladder | null): number => {
    let stars = 0;
    for (const node of nodes) {
      if (node.type === 'step') {
        if (node.between && (parent === null || parent.type === 'step')) {
          report.error('between-outside-block', node.span.start, node.span.start + 'between'.length, '"between" only goes inside a repeat or a ladder.');
        }
        const a = node.amount;
        if (a.kind === 'star') {
          if (ladder === null) report.error('star-outside-ladder', a.span.start, a.span.end, '`*` means "this rung\'s time" and only works inside a ladder.');
          else stars++;
        } else if (a.kind === 'time') visitQuantity(a.seconds);
        else if (a.kind === 'reps' || a.kind === 'steps') visitQuantity(a.count);
        continue;
      }
      if (node.body.length > 0 && node.body.every((n) => n.type === 'step' && n.between)) {
        report.error('only-between', node.span.start, node.span.end, 'A block needs a step that is not "between".');
      }
      if (node.type === 'repeat') {
        visitQuantity(node.count);
        stars += visit(node.body, node, ladder);
      } else {
        checkLadder(node, report);
        const own = visit(node.body, node, node);
        if (own !== 1 && node.body.length > 0) report.error('ladder-star-count', node.span.start, node.span.end, 'A ladder needs exactly one `*` step.');
      }
    }
    return stars;
  };
  visit(workout.body, null, null);
}

function stepText(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return clockText(seconds);
}

function checkLadder(l: Ladder, report: Reporter): void {
  const { start, end } = l.span;
  if (l.by < 1) {
    report.error('at-least-one', start, end, 'Must be at least 1.');
    return;
  }
  // Rungs sit on whole multiples of the step, so every rung reads as a round
  // time the athlete can follow: 1m to 5m by 30s, never 1:00, 1:40, 2:20...
  const reach = (from: number, to: number): boolean => {
    if (from % l.by === 0 && to % l.by === 0) return true;
    report.error(
      'ladder-unreachable',
      start,
      end,
      `${clockText(to)} can't be reached from ${clockText(from)} in ${stepText(l.by)} steps.`,
      `Rungs are whole multiples of the step: try by ${stepText(gcd(from, to))}.`,
    );
    return false;
  };
  if (!reach(l.from, l.to) || l.back === null) return;
  const turnsBack = l.from <= l.to ? l.back < l.to : l.back > l.to;
  if (!turnsBack) {
    report.error(
      'ladder-direction',
      start,
      end,
      `The third time turns the ladder back: after ${clockText(l.to)}, go ${l.from <= l.to ? 'down' : 'up'}, e.g. ladder 1m to 5m to 1m by 30s.`,
    );
    return;
  }
  reach(l.to, l.back);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
