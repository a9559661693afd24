import { addDays } from '../../../shared/dates.js';
import { calendarDeadline, type RestDays, workingDayDeadline } from '../../calendar/domain/calendar.js';
import type { ComplaintKind, ComplaintState } from './complaint-machine.js';

/**
 * Complaint deadlines (procedure.md §12; Luật Khiếu nại 2011 Đ9, Đ27, Đ28, Đ33, Đ37, Đ44; NĐ 155/2026), from a dated
 * rule: the rule in force on the day the level started (received, or appealed) governs that level. Periods in days
 * count from the day after the event and end on the next working day when they fall on a rest day (calendar.ts);
 * working-day periods skip rest days. Time spent suspended does not count.
 */
export interface Periods {
  normal: number;
  complex: number;
  /** Vùng sâu, vùng xa (the commune's remote flag). */
  remote: number;
  remoteComplex: number;
}

export interface ComplaintRuleParams {
  /** Thời hiệu: days from receiving or learning of the decision within which one may complain (Đ9). */
  limitationDays: number | null;
  /** Thụ lý: days from receipt, calendar or working (Đ27; 7 working days from 1/7/2026 under NĐ 155/2026). */
  acceptance: { days: number; dayType: 'calendar' | 'working' };
  /** Thụ lý at the second level (Đ36), when it differs from the first. */
  acceptanceLevel2: { days: number; dayType: 'calendar' | 'working' } | null;
  /** Resolution from acceptance, calendar days: first level (Đ28), second level (Đ37). */
  resolution: { level1: Periods; level2: Periods | null };
  /** Days after the first-level decision to appeal or sue; the decision is final once they pass (Đ33, Đ44 k1). */
  appeal: { days: number; remoteDays: number } | null;
  /** Days after the second-level decision until it is final (Đ44 k2). */
  finality: { days: number; remoteDays: number } | null;
  /** A dialogue is mandatory before the second-level decision (NĐ 155/2026). */
  dialogueMandatoryAtLevel2: boolean;
}

export interface ComplaintRule {
  kind: ComplaintKind;
  effectiveFrom: string;
  basis: string;
  params: ComplaintRuleParams;
}

/** The rule of `kind` in force on `date` (the latest that took effect on or before it), or null. */
export function ruleOn(rules: readonly ComplaintRule[], kind: ComplaintKind, date: string): ComplaintRule | null {
  return (
    rules
      .filter((r) => r.kind === kind && r.effectiveFrom <= date)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null
  );
}

export interface ComplaintClock {
  kind: ComplaintKind;
  state: ComplaintState;
  level: 1 | 2;
  complex: boolean;
  remote: boolean;
  /** When the current level started: received (level 1) or appealed (level 2). */
  levelReceivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  /** Days suspended so far at this level, and since when if still suspended. */
  suspendedDays: number;
}

export interface ComplaintDeadlines {
  acceptanceDue: string;
  resolutionDue: string | null;
  /** After a decision: the last day to appeal or sue; the decision is final the day after. */
  appealUntil: string | null;
  /** Without a decision once the resolution deadline lapsed: the last day to appeal (Đ33). */
  lapsedAppealUntil: string | null;
  /** The deadline the agency is working against now, if any. */
  next: { kind: 'acceptance' | 'resolution'; dueOn: string } | null;
}

export function complaintDeadlines(c: ComplaintClock, rule: ComplaintRule, rest: RestDays): ComplaintDeadlines {
  const p = rule.params;
  const acceptance = (c.level === 2 ? p.acceptanceLevel2 : null) ?? p.acceptance;
  const acceptanceDue =
    acceptance.dayType === 'working'
      ? workingDayDeadline(c.levelReceivedOn, acceptance.days, rest)
      : calendarDeadline(c.levelReceivedOn, acceptance.days, rest);
  const periods = c.level === 2 ? p.resolution.level2 : p.resolution.level1;
  const days = periods
    ? c.remote
      ? c.complex
        ? periods.remoteComplex
        : periods.remote
      : c.complex
        ? periods.complex
        : periods.normal
    : null;
  const resolutionDue =
    c.acceptedOn && days !== null ? calendarDeadline(addDays(c.acceptedOn, c.suspendedDays), days, rest) : null;
  const window = c.level === 2 ? p.finality : p.appeal;
  const appealUntil =
    c.decidedOn && window ? calendarDeadline(c.decidedOn, c.remote ? window.remoteDays : window.days, rest) : null;
  const lapsedAppealUntil =
    !c.decidedOn && resolutionDue && c.level === 1 && p.appeal
      ? calendarDeadline(resolutionDue, c.remote ? p.appeal.remoteDays : p.appeal.days, rest)
      : null;
  const next =
    c.state === 'RECEIVED' || c.state === 'APPEALED_L2'
      ? { kind: 'acceptance' as const, dueOn: acceptanceDue }
      : ['ACCEPTED', 'VERIFYING', 'DIALOGUE'].includes(c.state) && resolutionDue
        ? { kind: 'resolution' as const, dueOn: resolutionDue }
        : null;
  return { acceptanceDue, resolutionDue, appealUntil, lapsedAppealUntil, next };
}

/**
 * Last day to complain about a decision received on `decisionReceivedOn` (thời hiệu, Đ9), when the rule has one: a
 * period like any other, so ending on a rest day it ends on the next working day (BLDS 2015 Đ148).
 */
export function limitationEnd(decisionReceivedOn: string, rule: ComplaintRule, rest: RestDays): string | null {
  return rule.params.limitationDays === null
    ? null
    : calendarDeadline(decisionReceivedOn, rule.params.limitationDays, rest);
}
