/**
 * Stage 4: parse lines into the readonly AST.
 *
 * One function per rule over a small token cursor. A line with an error is
 * reported and dropped; parsing goes on with the next line, so one compile
 * reports every problem it can find.
 */
import type { Amount, Ladder, Node, Quantity, Repeat, Span, Step, Workout, ZoneDef } from './ast';
import { MAX_DIAGNOSTICS, type DiagnosticCode, type Reporter } from './diagnostics';
import { WEEKDAYS, type Programme, type Schedule, type SideKind, type Target, type Tempo, type Weekday } from './plan';
import { suggest } from './suggest';
import { splitLines, type SourceLine } from './text';
import { MAX_INT, tokenize, type Token } from './tokens';
import { BUILT_IN_ZONES } from './zones';

const SETTINGS = ['when', 'weeks', 'switch', 'tags', 'programme'] as const;
type SettingName = (typeof SETTINGS)[number];

/** Day names `when:` understands (any case), short and long. A map, so `constructor` is not a day. */
const DAY_NAMES: ReadonlyMap<string, Weekday> = new Map(
  Object.entries({
    mon: 'mon',
    monday: 'mon',
    tue: 'tue',
    tues: 'tue',
    tuesday: 'tue',
    wed: 'wed',
    weds: 'wed',
    wednesday: 'wed',
    thu: 'thu',
    thur: 'thu',
    thurs: 'thu',
    thursday: 'thu',
    fri: 'fri',
    friday: 'fri',
    sat: 'sat',
    saturday: 'sat',
    sun: 'sun',
    sunday: 'sun',
  } as const),
);
const FULL_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WHEN_MESSAGE = 'Write when: 3x daily (or daily, 2-5x daily, 3x weekly, Mon, Wed, Fri).';
const PROGRAMME_HINT = 'For example: programme: Fredericson (or programme: Fredericson, optional for an extra).';
/** Sessions a day `when:` accepts: one an hour. */
const MAX_PER_DAY = 24;

/** Words with a meaning of their own; they can't name a zone. */
const KEYWORDS = new Set([
  'x',
  'ladder',
  'to',
  'by',
  'between',
  'warmup',
  'cooldown',
  'reps',
  'rep',
  'steps',
  'step',
  'open',
  'each',
  'side',
  'leg',
  'arm',
  'tempo',
  'hold',
  'bpm',
  'hrmax',
  'zone',
  's',
  'm',
]);
const STEP_STARTERS = ['between', 'warmup', 'cooldown', 'ladder', 'open', 'reps', 'steps'];
const MODIFIER_WORDS = ['each', 'tempo', 'hold'];
const SIDE_WORDS: Record<string, SideKind> = { side: 'side', sides: 'side', leg: 'leg', legs: 'leg', arm: 'arm', arms: 'arm' };

/** Longest step the language accepts: a day. */
const MAX_SECONDS = 24 * 60 * 60;

/** Thrown inside a line's parse to drop the line; never escapes `parse`. */
class LineError {
  readonly _brand = 'LineError';
}

class Cursor {
  i = 0;
  constructor(
    readonly tokens: readonly Token[],
    readonly lineStart: number,
    readonly lineEnd: number,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('cursor past end'); // programming error: callers check first
    return t;
  }

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** The next token, if it is the word `w` (any case). */
  isWord(w: string, k = 0): boolean {
    const t = this.peek(k);
    return t !== undefined && t.kind === 'word' && t.lower === w;
  }

  isPunct(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t !== undefined && t.kind === 'punct' && t.text === p;
  }

  /** The next token touches the previous one (no space between). */
  adjacent(k = 0): boolean {
    const t = this.peek(k);
    return t !== undefined && !t.spaced;
  }

  /** Offset where the next token starts, or the end of the line. */
  get here(): number {
    return this.peek()?.start ?? this.lineEnd;
  }
}

interface Time {
  readonly seconds: number;
  readonly start: number;
  readonly end: number;
  /** How the time was written: a bare unit time (`20s`) can share its unit with a range's start (`20-30s`). */
  readonly unit: 's' | 'm' | 'compound';
}

type Draft<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type BlockDraft = Draft<Repeat> | Draft<Ladder>;

interface Frame {
  readonly level: number;
  readonly kind: 'root' | 'block' | 'inline' | 'step';
  readonly body?: Node[];
  readonly block?: BlockDraft;
  readonly depth: number;
}

/** Blocks nest at most this deep. */
export const MAX_DEPTH = 3;

export class Parser {
  private readonly _zones = new Set<string>(BUILT_IN_ZONES.map((z) => z.name));
  private readonly _zoneDefs: ZoneDef[] = [];
  private readonly _notes: string[] = [];
  private readonly _body: Node[] = [];
  private readonly _blocks: BlockDraft[] = [];
  /** Blocks whose lines were all rejected already: not reported as empty too. */
  private readonly _echoes = new Set<BlockDraft>();
  private _title = '';
  private _when: Workout['when'] = null;
  private _weeks: Workout['weeks'] = null;
  private _switch: Workout['switchSeconds'] = null;
  private _tags: Workout['tags'] = null;
  private _schedule: Workout['schedule'] = null;
  private _programme: Workout['programme'] = null;
  private _seenStep = false;
  /** The node a following `>` note belongs to. */
  private _last: { notes: string[] } | null = null;

  constructor(
    private readonly _text: string,
    private readonly _report: Reporter,
  ) {}

  parse(): Workout {
    const lines = splitLines(this._text, this._report);
    const stack: Frame[] = [{ level: -1, kind: 'root', body: this._body, depth: 0 }];
    let skipDeeperThan: number | null = null;
    let first = true;

    for (const line of lines) {
      const c = new Cursor(tokenize(this._text, line.start, line.end, this._report), line.start, line.end);
      const head = c.peek();
      if (!head) continue;
      const isTitle = head.kind === 'punct' && head.text === '#';
      if (first) {
        first = false;
        if (isTitle) {
          this._title = this._text.slice(head.end, line.end).trim();
          if (this._title === '') this._report.error('missing-title', head.start, head.end, 'Add a title line: # Name.');
          continue;
        }
        this._report.error('missing-title', line.start, head.end, 'Add a title line: # Name.', 'The first line names the workout, e.g. # Pyramid.');
      } else if (isTitle) {
        this._report.error('title-not-first', head.start, line.end, 'The title goes on the first line; notes start with ">".');
        continue;
      }

      if (head.kind === 'punct' && head.text === '>') {
        this._note(line, head);
        continue;
      }
      if (head.kind === 'word' && c.isPunct(':', 1)) {
        this._setting(line, c);
        continue;
      }
      if (head.kind === 'word' && head.lower === 'zone') {
        if (this._seenStep) this._report.error('zone-after-step', head.start, head.end, 'Zones are defined before the first step.');
        else if (line.indent > 0)
          this._report.error('unexpected-indent', line.start, line.end, "This line is indented, but the line above doesn't start a block.");
        else this._guard(() => this._zone(c));
        continue;
      }

      // A tab or an odd indent is reported once; the indentation checks below would only echo it.
      const indentReported = line.hasTab || line.indent % 2 === 1;
      if (!line.hasTab && line.indent % 2 === 1) this._report.error('odd-indent', line.lineStart, line.start, 'Indent with 2 spaces a level.');
      const level = Math.floor(line.indent / 2);
      if (skipDeeperThan !== null) {
        if (level > skipDeeperThan) continue;
        skipDeeperThan = null;
      }
      while (stack[stack.length - 1]!.level >= level) stack.pop();
      const top = stack[stack.length - 1]!;
      if (top.kind === 'step' || top.kind === 'inline' || level > top.level + 1) {
        const [code, message]: [DiagnosticCode, string] =
          top.kind === 'inline'
            ? ['unexpected-indent', 'This line is indented, but the block above already has its step on its own line.']
            : top.kind === 'step' || top.kind === 'root'
              ? ['unexpected-indent', "This line is indented, but the line above doesn't start a block."]
              : ['indent-too-deep', 'Indent one level (2 spaces) deeper than the block above.'];
        if (!indentReported) this._report.error(code, line.lineStart, line.end, message);
        // Its block is not empty, only its step is misplaced: one error is enough.
        if (top.block) this._echoes.add(top.block);
        skipDeeperThan = level - 1;
        continue;
      }
      this._seenStep = true;

      const statement = this._guard(() => this._statement(c, line));
      if (!statement) {
        // Lines indented under a broken line are not reported again.
        skipDeeperThan = level;
        continue;
      }
      top.body!.push(statement.node);
      if (statement.node.type === 'step') {
        stack.push({ level, kind: 'step', depth: top.depth });
        continue;
      }
      const depth = top.depth + 1;
      if (depth > MAX_DEPTH) {
        this._report.error('nest-too-deep', statement.node.span.start, statement.node.span.end, `Blocks nest at most ${MAX_DEPTH} deep.`);
      }
      const block = statement.node as BlockDraft;
      stack.push({ level, kind: statement.inline ? 'inline' : 'block', body: block.body, block, depth });
    }

    if (first) this._report.error('missing-title', 0, 0, 'Add a title line: # Name.');
    for (const block of this._blocks) {
      if (block.body.length === 0 && !this._echoes.has(block)) {
        const headText = this._text.slice(block.span.start, block.span.end);
        this._report.error('empty-block', block.span.start, block.span.end, `"${headText}" needs indented steps below it or a step on the same line.`);
      }
    }

    return {
      title: this._title,
      notes: this._notes,
      when: this._when,
      schedule: this._schedule,
      programme: this._programme,
      weeks: this._weeks,
      switchSeconds: this._switch,
      tags: this._tags,
      zones: this._zoneDefs,
      body: this._body,
    };
  }

  /** Runs a line parser; an error it reported drops the line. */
  private _guard<T>(f: () => T): T | null {
    try {
      return f();
    } catch (e) {
      if (e instanceof LineError) return null;
      throw e;
    }
  }

  private _fail(code: DiagnosticCode, start: number, end: number, message: string, hint?: string): never {
    this._report.error(code, start, Math.max(end, start + 1), message, hint);
    throw new LineError();
  }

  // ---- header lines -------------------------------------------------------

  private _note(line: SourceLine, head: Token): void {
    const text = this._text.slice(head.end, line.end).trim();
    if (text === '') return;
    if (this._last) this._last.notes.push(text);
    else this._notes.push(text);
  }

  private _setting(line: SourceLine, c: Cursor): void {
    const nameToken = c.next();
    const colon = c.next();
    const name = nameToken.lower;
    if (!(SETTINGS as readonly string[]).includes(name)) {
      const guess = suggest(name, SETTINGS);
      this._report.error(
        'unknown-setting',
        nameToken.start,
        nameToken.end,
        guess
          ? `Unknown setting "${nameToken.text}". Did you mean "${guess}"?`
          : `Unknown setting "${nameToken.text}". Settings are when, weeks, switch, tags and programme.`,
      );
      return;
    }
    if (this._seenStep || line.indent > 0) {
      this._report.error('setting-after-step', nameToken.start, colon.end, 'Settings go before the first step.');
      return;
    }
    const valueStart = c.here;
    const raw = this._text.slice(colon.end, line.end).trim();
    const span: Span = { start: nameToken.start, end: line.end };
    const already = { when: this._when, weeks: this._weeks, switch: this._switch, tags: this._tags, programme: this._programme }[name as SettingName];
    if (already) this._report.warning('duplicate-setting', nameToken.start, colon.end, `"${name}" is set twice; the last one wins.`);
    switch (name as SettingName) {
      case 'when':
        if (raw === '') {
          this._report.error('empty-setting', nameToken.start, colon.end, 'Give "when" a value, e.g. when: 3x daily.');
          return;
        }
        this._when = { value: raw, span };
        this._schedule = null;
        this._guard(() => {
          this._schedule = { value: this._whenValue(c, valueStart, line.end), span };
        });
        return;
      case 'programme':
        this._programme = null;
        if (raw === '') {
          this._report.error('empty-setting', nameToken.start, colon.end, 'Give the programme a name.', PROGRAMME_HINT);
          return;
        }
        this._guard(() => {
          this._programme = { value: this._programmeValue(valueStart, line.end), span };
        });
        return;
      case 'tags': {
        const tags = raw
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter((t) => t !== '');
        if (tags.length === 0) this._report.error('empty-setting', nameToken.start, colon.end, 'Give "tags" a value, e.g. tags: pool, bungee.');
        else this._tags = { value: [...new Set(tags)], span };
        return;
      }
      case 'weeks': {
        const n = c.peek();
        if (!n || n.kind !== 'int' || c.peek(1) !== undefined || n.value < 1 || n.value > 52) {
          this._report.error('bad-weeks', valueStart, line.end, 'weeks needs a whole number from 1 to 52, e.g. weeks: 6.');
          return;
        }
        this._weeks = { value: n.value, span };
        return;
      }
      case 'switch': {
        this._guard(() => {
          const n = c.peek();
          if (!n || n.kind !== 'int') this._fail('bad-switch', valueStart, line.end, 'switch needs a time, e.g. switch: 5s.');
          const t = this._time(c, true);
          if (!t || !c.done) this._fail('bad-switch', valueStart, line.end, 'switch needs a time, e.g. switch: 5s.');
          this._switch = { value: t.seconds, span };
        });
        return;
      }
    }
  }

  /** `daily`, `3x daily`, `2-5x daily`, `3x weekly` or `Mon, Wed, Fri`. */
  private _whenValue(c: Cursor, start: number, end: number): Schedule {
    const general = (): never => this._fail('bad-when', start, end, WHEN_MESSAGE);
    const first = c.peek();
    if (!first) return general();
    if (first.kind === 'word' && first.lower === 'daily' && c.peek(1) === undefined) return { kind: 'daily', min: 1, max: 1 };
    if (first.kind === 'int') {
      const a = c.next();
      let b = a;
      if (c.isPunct('-')) {
        c.next();
        if (c.peek()?.kind !== 'int') return general();
        b = c.next();
      }
      if (!c.isWord('x')) return general();
      c.next();
      const unit = c.peek();
      if (!unit || unit.kind !== 'word' || (unit.lower !== 'daily' && unit.lower !== 'weekly') || c.peek(1) !== undefined) return general();
      this._checkInt(a, 1);
      this._checkInt(b, 1);
      if (a.value > b.value) this._fail('range-backwards', a.start, b.end, `This range runs backwards: write ${b.value}-${a.value}x ${unit.lower}.`);
      if (unit.lower === 'weekly') {
        if (a !== b && a.value !== b.value) this._fail('bad-when', a.start, b.end, 'Give a week one number, e.g. when: 3x weekly.');
        return { kind: 'weekly', times: a.value };
      }
      if (b.value > MAX_PER_DAY) this._fail('bad-when', a.start, b.end, `At most ${MAX_PER_DAY} a day, e.g. when: 3x daily.`);
      return { kind: 'daily', min: a.value, max: b.value };
    }
    // Days of the week: words separated by commas or spaces.
    const tokens = c.tokens.slice(c.i);
    const isComma = (t: Token) => t.kind === 'punct' && t.text === ',';
    const words = tokens.filter((t) => t.kind === 'word');
    if (tokens.some((t) => (t.kind !== 'word' && !isComma(t)) || t.lower === 'daily' || t.lower === 'weekly')) return general();
    if (!words.some((t) => DAY_NAMES.has(t.lower)) && !tokens.some(isComma)) return general();
    const days = new Set<Weekday>();
    for (const w of words) {
      const day = DAY_NAMES.get(w.lower);
      if (day !== undefined) {
        days.add(day);
        continue;
      }
      const guess = suggest(w.text, FULL_DAY_NAMES);
      this._fail(
        'unknown-day',
        w.start,
        w.end,
        `Unknown day "${w.text}".`,
        guess ? `Did you mean "${guess.slice(0, 3)}"?` : 'Days are Mon, Tue, Wed, Thu, Fri, Sat and Sun.',
      );
    }
    if (days.size === 0) return general();
    return { kind: 'days', days: WEEKDAYS.filter((d) => days.has(d)) };
  }

  /** `Fredericson` or `Fredericson, optional`. */
  private _programmeValue(start: number, end: number): Programme {
    const text = this._text.slice(start, end);
    const comma = text.lastIndexOf(',');
    let nameText = comma === -1 ? text : text.slice(0, comma);
    let optional = false;
    if (comma !== -1) {
      const after = text.slice(comma + 1);
      const word = after.trim();
      if (word.toLowerCase() !== 'optional') {
        const from = start + comma + 1 + (after.length - after.trimStart().length);
        this._fail(
          'bad-programme',
          word === '' ? start + comma : from,
          word === '' ? start + comma + 1 : from + word.length,
          'Only "optional" goes after the name: programme: Fredericson, optional.',
        );
      }
      optional = true;
    }
    nameText = nameText.trim();
    if (nameText.length >= 2 && nameText.startsWith('"') && nameText.endsWith('"')) nameText = nameText.slice(1, -1).trim();
    const name = nameText.replace(/\s+/g, ' ');
    if (name === '') this._fail('empty-setting', start, end, 'Give the programme a name.', PROGRAMME_HINT);
    return { name, optional };
  }

  private _zone(c: Cursor): void {
    const kw = c.next();
    const nameToken = c.peek();
    if (!nameToken || nameToken.kind !== 'word') {
      this._fail('bad-zone', kw.start, c.here + 1, 'Name the zone: zone threshold 80-87% HRmax "Threshold".');
    }
    c.next();
    const name = nameToken.lower;
    if (KEYWORDS.has(name)) this._fail('bad-zone', nameToken.start, nameToken.end, `"${nameToken.text}" is a keyword; choose another zone name.`);
    if (!c.done && c.adjacent() && c.peek()!.kind !== 'string') {
      this._fail('bad-zone', nameToken.start, c.peek()!.end, 'Zone names are letters only, e.g. zone threshold.');
    }
    let target: Target | null = null;
    let label: string | null = null;
    while (!c.done) {
      const t = c.peek()!;
      if (t.kind === 'int' && target === null) target = this._target(c);
      else if (t.kind === 'string' && label === null) label = c.next().text.trim();
      else this._fail('bad-zone', t.start, t.end, `Unexpected "${t.text}". Write a zone as: zone threshold 80-87% HRmax "Threshold".`);
    }
    if (this._zoneDefs.some((z) => z.name === name)) {
      this._report.warning('duplicate-zone', nameToken.start, nameToken.end, `Zone "${name}" is defined twice; the last one wins.`);
    }
    this._zones.add(name);
    this._zoneDefs.push({ name, target, label, span: { start: kw.start, end: c.lineEnd } });
  }

  // ---- statements ---------------------------------------------------------

  private _statement(c: Cursor, line: SourceLine): { node: Node; inline: boolean } {
    let block: BlockDraft | null = null;
    if (this._isRepeatHead(c)) block = this._repeatHead(c, line);
    else if (c.isWord('ladder')) block = this._ladderHead(c, line);
    if (!block) {
      const step = this._step(c, line);
      this._last = step;
      return { node: step, inline: false };
    }
    this._last = block;
    if (c.done) {
      this._blocks.push(block);
      return { node: block, inline: false };
    }
    // A one-line block: if its step is broken the whole line is dropped, block and all.
    const step = this._step(c, line);
    this._blocks.push(block);
    block.body.push(step);
    this._last = step;
    return { node: block, inline: true };
  }

  /** `N x`, `N-M x`, `N->M x`, with or without space before the x. */
  private _isRepeatHead(c: Cursor): boolean {
    if (c.peek()?.kind !== 'int') return false;
    let k = 1;
    if ((c.isPunct('-', k) || c.isPunct('->', k)) && c.peek(k + 1)?.kind === 'int') k += 2;
    return c.isWord('x', k);
  }

  private _repeatHead(c: Cursor, line: SourceLine): Draft<Repeat> {
    const count = this._count(c, 'x');
    const x = c.next();
    return { type: 'repeat', count, body: [], line: line.number, span: { start: count.span.start, end: x.end }, notes: [] };
  }

  private _ladderHead(c: Cursor, line: SourceLine): Draft<Ladder> {
    const kw = c.next();
    const shape = 'Write a ladder as: ladder 1m to 5m by 30s (or 1m to 5m to 1m by 30s).';
    const time = (): Time => {
      const t = c.peek()?.kind === 'int' ? this._time(c, false) : null;
      if (!t) this._fail('bad-ladder', c.here, c.peek()?.end ?? c.lineEnd, shape);
      if (c.isPunct('-') || c.isPunct('->')) this._fail('bad-ladder', c.here, c.peek()!.end, 'Ladder times are fixed: no ranges or "->" here.');
      return t;
    };
    const expect = (w: string): void => {
      if (!c.isWord(w)) this._fail('bad-ladder', c.here, c.peek()?.end ?? c.lineEnd, shape);
      c.next();
    };
    const from = time();
    expect('to');
    const to = time();
    let back: Time | null = null;
    if (c.isWord('to')) {
      c.next();
      back = time();
    }
    expect('by');
    const by = time();
    const ladder: Draft<Ladder> = {
      type: 'ladder',
      from: from.seconds,
      to: to.seconds,
      back: back?.seconds ?? null,
      by: by.seconds,
      body: [],
      line: line.number,
      span: { start: kw.start, end: by.end },
      notes: [],
    };
    return ladder;
  }

  private _step(c: Cursor, line: SourceLine): Draft<Step> {
    const start = c.here;
    let between = false;
    let mark: Step['mark'] = null;
    if (c.isWord('between')) {
      c.next();
      between = true;
    }
    if (c.isWord('warmup') || c.isWord('cooldown')) mark = c.next().lower as 'warmup' | 'cooldown';
    const amount = this._amount(c);

    let zone: string | null = null;
    let target: Target | null = null;
    let label: string | null = null;
    let side: { kind: SideKind; text: string } | null = null;
    let tempo: { value: Tempo; text: string; start: number } | null = null;

    while (!c.done) {
      const t = c.peek()!;
      if (t.kind === 'string') {
        c.next();
        if (label !== null) this._fail('duplicate-label', t.start, t.end, 'A step has one label in quotes: remove one.');
        label = t.text.trim();
      } else if (t.kind === 'int') {
        const tStart = t.start;
        if (target !== null) this._fail('duplicate-target', tStart, t.end, 'A step has one target: remove one.');
        if (this._looksLikeTime(c)) this._fail('unexpected', tStart, t.end, 'A step has one time or count, at its start.');
        target = this._target(c);
      } else if (t.kind === 'word' && this._zones.has(t.lower)) {
        c.next();
        if (zone !== null) this._fail('duplicate-zone', t.start, t.end, `A step has one zone: remove "${t.text}" or "${zone}".`);
        zone = t.lower;
      } else if (t.kind === 'word' && t.lower === 'each') {
        c.next();
        const what = c.peek();
        const kind = what?.kind === 'word' ? SIDE_WORDS[what.lower] : undefined;
        if (!what || !kind) this._fail('bad-each', t.start, what?.end ?? t.end, '"each" needs side, leg or arm, e.g. 30s each side.');
        c.next();
        const text = `each ${kind}`;
        if (side) this._fail('conflicting-modifiers', t.start, what.end, `Choose one of "${side.text}" / "${text}".`);
        side = { kind, text };
      } else if (t.kind === 'word' && (t.lower === 'tempo' || t.lower === 'hold')) {
        c.next();
        const value = t.lower === 'tempo' ? this._tempo(c, t) : this._hold(c, t);
        const text = this._text.slice(t.start, c.tokens[c.i - 1]!.end);
        if (tempo) this._fail('conflicting-modifiers', t.start, c.tokens[c.i - 1]!.end, `Choose one of "${tempo.text}" / "${text}".`);
        tempo = { value, text, start: t.start };
      } else if (t.kind === 'word' && (t.lower === 'between' || t.lower === 'warmup' || t.lower === 'cooldown')) {
        this._fail('misplaced-keyword', t.start, t.end, `Put "${t.lower}" at the start of the step.`);
      } else if (t.kind === 'word') {
        this._unknownWord(t, [...this._zones, ...MODIFIER_WORDS]);
      } else {
        this._fail('unexpected', t.start, t.end, `Unexpected "${t.text}".`, 'Names and other free text go in "quotes".');
      }
    }

    if (tempo && amount.kind !== 'reps' && amount.kind !== 'steps') {
      this._fail(
        'tempo-needs-reps',
        tempo.start,
        tempo.start + tempo.text.length,
        `"${tempo.text}" paces reps: use it with a rep count, e.g. 10 reps ${tempo.text}.`,
      );
    }
    if (tempo && (amount.kind === 'reps' || amount.kind === 'steps') && amount.count === null) {
      this._fail('tempo-needs-reps', tempo.start, tempo.start + tempo.text.length, `Give a rep count to pace, e.g. 10 reps ${tempo.text}.`);
    }
    return {
      type: 'step',
      between,
      mark,
      amount,
      zone,
      target,
      label,
      side: side?.kind ?? null,
      tempo: tempo?.value ?? null,
      notes: [],
      line: line.number,
      span: { start, end: c.lineEnd },
    };
  }

  private _unknownWord(t: Token, candidates: Iterable<string>): never {
    // Past the reporting cap nobody reads the suggestion: don't pay for it.
    const guess = this._report.items.length < MAX_DIAGNOSTICS ? suggest(t.lower, candidates) : null;
    const hint = 'Put names in "quotes".';
    this._fail('unknown-word', t.start, t.end, guess ? `Unknown word "${t.text}". Did you mean "${guess}"? ${hint}` : `Unknown word "${t.text}". ${hint}`);
  }

  // ---- amounts and numbers ------------------------------------------------

  private _amount(c: Cursor): Amount {
    const t = c.peek();
    const needAmount = (): never => {
      const end = t ? t.end : c.lineEnd;
      this._fail('step-needs-amount', t?.start ?? c.here, end, 'A step must start with a time (30s, 1:30) or reps (15 reps).');
    };
    if (!t) return needAmount();
    if (t.kind === 'punct' && t.text === '*') {
      c.next();
      return { kind: 'star', span: { start: t.start, end: t.end } };
    }
    if (t.kind === 'word') {
      if (t.lower === 'open') {
        c.next();
        return { kind: 'open', span: { start: t.start, end: t.end } };
      }
      if (t.lower === 'reps' || t.lower === 'steps' || t.lower === 'rep' || t.lower === 'step') {
        c.next();
        return { kind: t.lower.startsWith('rep') ? 'reps' : 'steps', count: null, span: { start: t.start, end: t.end } };
      }
      if (this._zones.has(t.lower) || KEYWORDS.has(t.lower)) return needAmount();
      return this._unknownWord(t, [...STEP_STARTERS, ...this._zones]);
    }
    if (t.kind !== 'int') return needAmount();
    if (this._isRepeatHead(c)) this._fail('misplaced-repeat', t.start, t.end, 'Put the repeat at the start of the line, e.g. 3x 15 reps.');

    // A count of reps or steps: `15 reps`, `10-15 reps`, `15->30 reps`.
    let k = 1;
    if ((c.isPunct('-', 1) || c.isPunct('->', 1)) && c.peek(2)?.kind === 'int') k = 3;
    const unit = c.peek(k);
    if (unit?.kind === 'word' && /^(reps?|steps?)$/.test(unit.lower)) {
      const lower = unit.lower;
      const count = this._count(c, lower.startsWith('rep') ? ' reps' : ' steps');
      c.next();
      return { kind: lower.startsWith('rep') ? 'reps' : 'steps', count, span: { start: t.start, end: unit.end } };
    }
    if ((unit?.kind === 'punct' && unit.text === '%') || (unit?.kind === 'word' && unit.lower === 'bpm')) return needAmount();
    return { kind: 'time', seconds: this._timeSpan(c) };
  }

  /** True when the cursor is at something written like a time (`30s`, `1:30`). */
  private _looksLikeTime(c: Cursor): boolean {
    const next = c.peek(1);
    return next !== undefined && !next.spaced && ((next.kind === 'punct' && next.text === ':') || (next.kind === 'word' && /^[sm]$/i.test(next.text)));
  }

  /** A count with an optional range or progression: `10`, `10-15`, `1->3`. */
  private _count(c: Cursor, suffix: string): Quantity {
    const a = c.next();
    this._checkInt(a, 1);
    if (!(c.isPunct('-') || c.isPunct('->'))) return { kind: 'fixed', value: a.value, span: { start: a.start, end: a.end } };
    const op = c.next();
    const b = c.next();
    this._checkInt(b, 1);
    const span = { start: a.start, end: b.end };
    if (op.text === '->') return { kind: 'progression', from: a.value, to: b.value, span, arrow: { start: op.start, end: op.end } };
    if (a.value > b.value) {
      this._fail('range-backwards', a.start, b.end, `This range runs backwards: write ${b.value}-${a.value}${suffix.trim() === 'x' ? 'x' : suffix}.`);
    }
    return a.value === b.value ? { kind: 'fixed', value: a.value, span } : { kind: 'range', min: a.value, max: b.value, span };
  }

  private _checkInt(t: Token, min: number): void {
    if (t.value > MAX_INT) this._fail('number-too-large', t.start, t.end, 'This number is too large.');
    if (t.value < min) this._fail('at-least-one', t.start, t.end, 'Must be at least 1.');
  }

  /** A time with an optional range or progression: `30s`, `20-30s`, `20s-30s`, `1:00->1:30`. */
  private _timeSpan(c: Cursor): Quantity {
    const a = c.peek()!;
    const first = this._time(c, false);
    if (!first) {
      // A bare number: either the start of `20-30s` or a missing unit.
      c.next();
      if (!(c.isPunct('-') || c.isPunct('->'))) this._missingUnit(c, a);
      const op = c.next();
      const bTok = c.peek();
      const second = bTok?.kind === 'int' ? this._time(c, false) : null;
      if (!second) this._fail('missing-unit', a.start, bTok?.end ?? op.end, 'Give the range a unit: 20-30s or 10-12m.');
      if (second.unit === 'compound') this._fail('range-units', a.start, second.end, `Write both ends as times, e.g. 1:00-1:30.`);
      this._checkInt(a, 1);
      const scale = second.unit === 'm' ? 60 : 1;
      return this._timeQuantity(a.value * scale, second, op, a.start, (lo, hi) => `${lo / scale}-${hi / scale}${second.unit}`);
    }
    if (!(c.isPunct('-') || c.isPunct('->'))) {
      if (first.seconds < 1) this._fail('at-least-one', first.start, first.end, 'Must be at least 1.', 'A time is 1s or more.');
      return { kind: 'fixed', value: first.seconds, span: { start: first.start, end: first.end } };
    }
    const op = c.next();
    const bTok = c.peek();
    const second = bTok?.kind === 'int' ? this._time(c, false) : null;
    if (!second) this._fail('missing-unit', op.start, bTok?.end ?? op.end, 'Both ends of a range are times, e.g. 20s-30s or 1:00-1:30.');
    return this._timeQuantity(first.seconds, second, op, first.start, (lo, hi) => `${clockText(lo)}-${clockText(hi)}`);
  }

  private _timeQuantity(a: number, b: Time, op: Token, start: number, write: (lo: number, hi: number) => string): Quantity {
    const span = { start, end: b.end };
    if (a < 1 || b.seconds < 1) this._fail('at-least-one', start, b.end, 'Must be at least 1.', 'A time is 1s or more.');
    if (op.text === '->') return { kind: 'progression', from: a, to: b.seconds, span, arrow: { start: op.start, end: op.end } };
    if (a > b.seconds) this._fail('range-backwards', start, b.end, `This range runs backwards: write ${write(b.seconds, a)}.`);
    return a === b.seconds ? { kind: 'fixed', value: a, span } : { kind: 'range', min: a, max: b.seconds, span };
  }

  private _missingUnit(c: Cursor, number: Token): never {
    const next = c.peek();
    if (next?.kind === 'word' && /^(s|m|sec|secs|min|mins|minutes?|seconds?)$/.test(next.lower)) {
      this._fail('detached-unit', number.start, next.end, `Write the unit right after the number: ${number.text}${next.lower.startsWith('s') ? 's' : 'm'}.`);
    }
    this._fail('missing-unit', number.start, number.end, 'A number needs a unit: 30s, 10m, 1:30 or 15 reps.');
  }

  /**
   * A single time: `30s`, `10m`, `1m30s`, `1:30`. Returns null (consuming
   * nothing) for a bare number; reports and drops the line for a malformed one.
   */
  private _time(c: Cursor, allowZero: boolean): Time | null {
    const n = c.peek()!;
    const next = c.peek(1);
    if (!next || next.spaced) return null;
    if (next.kind === 'punct' && next.text === ':') {
      c.next();
      c.next();
      const sec = c.peek();
      if (!sec || sec.kind !== 'int' || sec.spaced) this._fail('bad-time', n.start, next.end, 'Write minutes and seconds as 1:30.');
      c.next();
      if (c.isPunct(':') && c.adjacent()) {
        const third = c.peek(1);
        const total = third?.kind === 'int' && !third.spaced ? (n.value * 60 + sec.value) * 60 + third.value : null;
        const fix = total !== null && third!.text.length === 2 && third!.value < 60 ? clockText(total) : 'e.g. 90:00 or 90m';
        this._fail('bad-time', n.start, (total !== null ? third! : c.peek()!).end, `Write hours as minutes: ${fix}.`);
      }
      if (sec.text.length !== 2) {
        const fix = sec.text.length === 1 ? `write ${n.text}:0${sec.text}` : 'e.g. 1:30';
        this._fail('seconds-two-digits', n.start, sec.end, `Seconds need two digits: ${fix}.`);
      }
      if (sec.value >= 60) {
        const total = n.value * 60 + sec.value;
        this._fail('seconds-over-59', n.start, sec.end, `Seconds go up to 59: write ${clockText(total)}.`);
      }
      return this._finishTime(n.value * 60 + sec.value, n, sec.end, 'compound', allowZero);
    }
    if (next.kind !== 'word') return null;
    if (next.lower === 'x') return null;
    if (next.lower === 's') {
      c.next();
      c.next();
      return this._finishTime(n.value, n, next.end, 's', allowZero);
    }
    if (next.lower === 'm') {
      c.next();
      c.next();
      const sec = c.peek();
      if (sec?.kind === 'int' && !sec.spaced) {
        const unit = c.peek(1);
        if (!unit || unit.spaced || unit.kind !== 'word' || unit.lower !== 's') {
          this._fail('unknown-unit', n.start, (unit && !unit.spaced ? unit : sec).end, 'Write minutes and seconds as 1m30s or 1:30.');
        }
        c.next();
        c.next();
        return this._finishTime(n.value * 60 + sec.value, n, unit.end, 'compound', allowZero);
      }
      return this._finishTime(n.value * 60, n, next.end, 'm', allowZero);
    }
    if (/^(reps?|steps?)$/.test(next.lower)) return null;
    this._fail('unknown-unit', next.start, next.end, `Unknown unit "${next.text}". Use s or m, e.g. 10m, 30s, 1:30.`);
  }

  private _finishTime(seconds: number, n: Token, end: number, unit: Time['unit'], allowZero: boolean): Time {
    if (n.value > MAX_INT || seconds > MAX_SECONDS) this._fail('number-too-large', n.start, end, 'A step can be at most 24 hours.');
    if (!allowZero && seconds < 1) this._fail('at-least-one', n.start, end, 'Must be at least 1.', 'A time is 1s or more.');
    return { seconds, start: n.start, end, unit };
  }

  // ---- modifiers ----------------------------------------------------------

  private _tempo(c: Cursor, kw: Token): Tempo {
    const parts: number[] = [];
    let end = kw.end;
    for (let k = 0; k < 3; k++) {
      if (k > 0) {
        if (!c.isPunct('-')) break;
        end = c.next().end;
      }
      const n = c.peek();
      if (n?.kind !== 'int') break;
      c.next();
      if (n.value > 600) this._fail('number-too-large', n.start, n.end, 'This number is too large.');
      parts.push(n.value);
      end = n.end;
    }
    if (parts.length !== 3) this._fail('bad-tempo', kw.start, end, 'tempo needs up-hold-down seconds, e.g. tempo 2-5-2.');
    const [up, hold, down] = parts as [number, number, number];
    if (up + hold + down === 0) this._fail('at-least-one', kw.start, end, 'Must be at least 1.', 'A rep takes at least a second.');
    return { up, hold, down };
  }

  private _hold(c: Cursor, kw: Token): Tempo {
    const t = c.peek()?.kind === 'int' ? this._time(c, false) : null;
    if (!t) this._fail('bad-hold', kw.start, c.peek()?.end ?? kw.end, 'hold needs a time, e.g. hold 5s.');
    if (c.isPunct('-') || c.isPunct('->')) this._fail('bad-hold', kw.start, c.peek()!.end, 'hold takes one time, e.g. hold 5s.');
    return { up: 2, hold: t.seconds, down: 2 };
  }

  private _target(c: Cursor): Target {
    const a = c.next();
    let b = a;
    if (c.isPunct('-') && c.peek(1)?.kind === 'int') {
      c.next();
      b = c.next();
    }
    const unitMessage = 'Targets are "% HRmax" or "bpm".';
    let unit: Target['unit'];
    let end: number;
    if (c.isPunct('%')) {
      const pct = c.next();
      if (!c.isWord('hrmax')) this._fail('target-unit', a.start, c.peek()?.end ?? pct.end, unitMessage);
      end = c.next().end;
      unit = '%HRmax';
    } else if (c.isWord('bpm')) {
      end = c.next().end;
      unit = 'bpm';
    } else {
      const next = c.peek();
      this._fail('target-unit', a.start, next && !next.spaced ? next.end : b.end, unitMessage);
    }
    if (a.value < 1 || b.value < 1) this._fail('at-least-one', a.start, end, 'Must be at least 1.');
    if (a.value > b.value) {
      const written = unit === 'bpm' ? ' bpm' : '% HRmax';
      this._fail('range-backwards', a.start, b.end, `This range runs backwards: write ${b.value}-${a.value}${written}.`);
    }
    const max = unit === 'bpm' ? 250 : 120;
    if (b.value > max)
      this._fail('target-out-of-range', a.start, end, unit === 'bpm' ? 'A heart rate target is at most 250 bpm.' : 'A target is at most 120% HRmax.');
    return { low: a.value, high: b.value, unit };
  }
}

/** `90` -> `1:30`, `30` -> `0:30`, `3600` -> `60:00`: how times read in messages. */
export function clockText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Parses normalised text into a workout; problems go to `report`. */
export function parse(text: string, report: Reporter): Workout {
  return new Parser(text, report).parse();
}
