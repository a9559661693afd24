import { calendarDaysBetween } from '../../calendar/domain/calendar.js';
import type { ComplaintState } from './complaint-machine.js';

/** What the deadlines of a complaint depend on, as its steps leave it. */
export interface ClockFields {
  state: ComplaintState;
  level: 1 | 2;
  /** When the current level started: received (level 1) or appealed (level 2). */
  levelReceivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  complex: boolean;
  /** Days suspended so far at this level, and since when if suspended now. */
  suspendedDays: number;
  suspendedSince: string | null;
}

/** One recorded step: what was done, on which day, the state it led to; `complex` as set when accepted. */
export interface ClockEvent {
  action: string;
  toState: ComplaintState;
  occurredOn: string;
  complex?: boolean | null;
}

/**
 * The clock after one step (procedure.md §12): acceptance starts the resolution time (and says whether the case is
 * complex); a decision stops it; an appeal starts the second level afresh (Luật Khiếu nại 2011 Đ36, Đ37); a
 * suspension stops the count and the resumption adds the days suspended (NĐ 155/2026, Đ28a of NĐ 124/2020). The
 * service applies it to every step it records, and the summary replays the recorded steps to know a complaint's
 * state and deadlines as of a past date.
 */
export function applyEvent(c: ClockFields, e: ClockEvent): ClockFields {
  const next: ClockFields = { ...c, state: e.toState };
  switch (e.action) {
    case 'register':
      return {
        ...next,
        level: 1,
        levelReceivedOn: e.occurredOn,
        acceptedOn: null,
        decidedOn: null,
        complex: false,
        suspendedDays: 0,
        suspendedSince: null,
      };
    case 'accept':
      return { ...next, acceptedOn: e.occurredOn, complex: e.complex ?? c.complex };
    case 'decide':
      return { ...next, decidedOn: e.occurredOn };
    case 'appeal':
      return {
        ...next,
        level: 2,
        levelReceivedOn: e.occurredOn,
        acceptedOn: null,
        decidedOn: null,
        complex: false,
        suspendedDays: 0,
        suspendedSince: null,
      };
    case 'suspend':
      return { ...next, suspendedSince: e.occurredOn };
    case 'resume':
      return {
        ...next,
        suspendedDays: c.suspendedDays + (c.suspendedSince ? calendarDaysBetween(c.suspendedSince, e.occurredOn) : 0),
        suspendedSince: null,
      };
    default:
      return next;
  }
}

/** The clock as of the end of `asOf`, from the steps in the order they were recorded (null before the first). */
export function clockAsOf(events: readonly ClockEvent[], asOf: string): ClockFields | null {
  let clock: ClockFields | null = null;
  for (const e of events) {
    if (e.occurredOn > asOf) break;
    clock = applyEvent(
      clock ?? {
        state: e.toState,
        level: 1,
        levelReceivedOn: e.occurredOn,
        acceptedOn: null,
        decidedOn: null,
        complex: false,
        suspendedDays: 0,
        suspendedSince: null,
      },
      e,
    );
  }
  return clock;
}
