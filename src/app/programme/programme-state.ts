/**
 * The programmes a runner follows, as the Today page uses them: the
 * definitions (from the library's workout files), the stored records, and
 * the sessions that count. A plain module (no Lit): every change is applied
 * to the record with the pure functions in src/programme and saved at once,
 * durably, so a reload or a crash keeps every check-off.
 */
import { compile, compileOptions, weekTable, type Plan, type WeekRow } from '../../dsl';
import { addDays, daysBetween, dayOf, startOfDay, type Day } from '../../programme/days';
import { programmeIcs, type ReminderTimes } from '../../programme/ics';
import * as P from '../../programme/programme';
import type { Store } from '../../storage/db';
import type { SessionRecord } from '../../storage/schema';
import { planOf, type LibraryEntry } from '../library/library-compile';
import { saveProgrammeHint } from '../shared/settings';

export type { ProgrammeDef, ProgrammeRecord, Due, Missed, CalendarDay } from '../../programme/programme';

/** A pain rating recorded for a day: a check-in, or the rating given after a session. */
export interface PainRating {
  readonly day: Day;
  readonly at: number;
  readonly pain: number;
  readonly moment: P.PainMoment;
}

export class ProgrammeState {
  defs: readonly P.ProgrammeDef[];
  records: P.ProgrammeRecord[] = [];
  /** Sessions of the current programme's workouts since it started. */
  sessions: SessionRecord[] = [];
  private _entries: readonly LibraryEntry[];

  constructor(
    private readonly _store: Store,
    entries: readonly LibraryEntry[],
    private readonly _now: () => number = Date.now,
    private readonly _newId: () => string = () => crypto.randomUUID(),
  ) {
    this._entries = entries;
    this.defs = P.programmesOf(entries.map((e) => ({ id: e.id, plan: planOf(e) })));
  }

  /** The workouts programmes are made of: the built-in ones, and one's own (which can join or start a programme). */
  setEntries(entries: readonly LibraryEntry[]): void {
    this._entries = entries;
    this.defs = P.programmesOf(entries.map((e) => ({ id: e.id, plan: planOf(e) })));
  }

  today(): Day {
    return dayOf(this._now());
  }

  def(name: string): P.ProgrammeDef | undefined {
    return this.defs.find((d) => d.name === name);
  }

  /** The programme running (or paused) now: the newest one not ended. */
  get current(): P.ProgrammeRecord | null {
    const open = this.records.filter((r) => r.status !== P.ProgrammeStatus.Ended);
    return open.length ? open.reduce((a, b) => (b.createdAt > a.createdAt ? b : a)) : null;
  }

  async load(): Promise<void> {
    this.records = await this._store.listProgrammes();
    // Two running copies (say, one imported from another phone): the newest runs, and the other is ended for good.
    const current = this.current;
    for (const r of this.records) if (r !== current && r.status !== P.ProgrammeStatus.Ended) await this._save(P.end(r, this.today(), this._now()));
    await this._loadSessions();
    this._hint();
  }

  /** The running programme for the first page and the workout pages (which don't open the database). */
  private _hint(): void {
    const c = this.current;
    saveProgrammeHint(c && c.status !== P.ProgrammeStatus.Ended ? { ...c, status: c.status } : null);
  }

  private async _loadSessions(): Promise<void> {
    const current = this.current;
    const def = current && this.def(current.name);
    if (!current || !def) {
      this.sessions = [];
      return;
    }
    const ids = new Set(def.members.map((m) => m.workoutId));
    const from = startOfDay(current.start);
    const all = await this._store.sessionsBetween(from, startOfDay(addDays(this.today(), 1)));
    this.sessions = all.filter((s) => ids.has(s.workoutId));
  }

  /** Finished runs as the programme counts them (by the day they started on). */
  runs(): P.DoneRun[] {
    return this.sessions.map((s) => ({ workoutId: s.workoutId, day: dayOf(s.startedAt), completed: s.completed }));
  }

  /** Pain before and after sessions: check-ins, and the rating given after a run. */
  pains(record: P.ProgrammeRecord): PainRating[] {
    const fromSessions = this.sessions.flatMap((s) =>
      s.pain === null ? [] : [{ day: dayOf(s.startedAt), at: s.endedAt, pain: s.pain, moment: 'after' as const }],
    );
    const checkIns = record.checkIns.map((c) => ({ day: c.day, at: c.at, pain: c.pain, moment: c.moment }));
    return [...checkIns, ...fromSessions].sort((a, b) => a.at - b.at);
  }

  /** A member's workout compiled at a week's dose. */
  planAt(workoutId: string, week: number): Plan | null {
    const entry = this._entries.find((e) => e.id === workoutId);
    if (!entry || !planOf(entry)) return null;
    const plan = planOf(entry)!;
    if (plan.weeks === null) return plan;
    const result = compile(entry.source, compileOptions({}, Math.min(week, plan.weeks)));
    return result.ok ? result.plan : null;
  }

  source(workoutId: string): string {
    return this._entries.find((e) => e.id === workoutId)?.source ?? '';
  }

  weekRows(workoutId: string): readonly WeekRow[] {
    return weekTable(this.source(workoutId));
  }

  notes(workoutId: string): readonly string[] {
    const entry = this._entries.find((e) => e.id === workoutId);
    return entry ? (planOf(entry)?.notes ?? []) : [];
  }

  // ---- changes: each applied to the record and saved at once ----------------------

  private async _save(record: P.ProgrammeRecord): Promise<P.ProgrammeRecord> {
    await this._store.saveProgramme(record);
    this.records = [...this.records.filter((r) => r.id !== record.id), record];
    this._hint();
    return record;
  }

  /** Starts a programme; one that was running is ended first (only one runs at a time). */
  async start(name: string, start: Day): Promise<P.ProgrammeRecord> {
    const def = this.def(name);
    if (!def) throw new Error(`No programme called ${name}.`);
    const running = this.current;
    if (running) await this._save(P.end(running, this.today(), this._now()));
    const record = await this._save(P.startProgramme(def, start, this._newId(), this._now()));
    await this._loadSessions();
    return record;
  }

  private _change(change: (record: P.ProgrammeRecord, today: Day, now: number) => P.ProgrammeRecord): Promise<P.ProgrammeRecord | null> {
    const record = this.current;
    return record ? this._save(change(record, this.today(), this._now())) : Promise.resolve(null);
  }

  pause() {
    return this._change(P.pause);
  }
  resume() {
    return this._change(P.resume);
  }
  end() {
    return this._change(P.end);
  }
  repeatWeek() {
    return this._change(P.repeatWeek);
  }
  moveOn() {
    return this._change(P.moveOn);
  }
  undoChoice() {
    return this._change(P.undoPendingChoice);
  }
  setAskPain(ask: boolean) {
    return this._change((r, _today, now) => P.setAskPain(r, ask, now));
  }

  /** "Done without the timer": returns the check-off's id, for Undo. */
  async mark(workoutId: string): Promise<string> {
    const id = this._newId();
    await this._change((r, today, now) => P.mark(r, workoutId, today, id, now));
    return id;
  }

  unmark(markId: string) {
    return this._change((r, _today, now) => P.unmark(r, markId, now));
  }

  checkIn(pain: number, moment: P.PainMoment, workoutId: string | null) {
    return this._change((r, today, now) => P.checkIn(r, { id: this._newId(), day: today, at: now, moment, pain, workoutId }, now));
  }

  /** The reminders file for the current programme, from today (or its start) to its last day. */
  ics(times: ReminderTimes): string | null {
    const record = this.current;
    const def = record && this.def(record.name);
    if (!record || !def) return null;
    const today = this.today();
    const from = daysBetween(record.start, today) > 0 ? today : record.start;
    // Paused: as if resumed today, so the reminders cover what is left, not the whole programme again.
    const until = P.lastDay(record) ?? P.lastDay(P.resume(record, today, this._now())) ?? from;
    const doses: Record<string, string[]> = {};
    for (const m of def.members) {
      if (!m.progresses) continue;
      doses[m.workoutId] = Array.from({ length: record.weeks }, (_, i) => {
        const plan = this.planAt(m.workoutId, i + 1);
        const dose = plan ? P.doseText(plan) : null;
        return `Week ${i + 1}: ${dose ?? plan?.title ?? ''}`;
      });
    }
    return programmeIcs({ def, from, until, times, doses, uid: record.id, now: this._now() });
  }
}
