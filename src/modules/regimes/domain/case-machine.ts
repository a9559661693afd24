import { addDays, formatVnDate } from '../../../shared/dates.js';
import { calendarDeadline, type RestDays } from '../../calendar/domain/calendar.js';
import type { EnforcementCalendarRules } from '../../calendar/domain/enforcement-calendar.js';
import { ROLE_LABELS } from '../../../shared/roles.js';

/**
 * A regime's case state machine as data (procedure.md §6.1): states, actions with the states they leave from, the
 * state they lead to, the roles that may take them, and minimum waits. A later regime is a new definition.
 */
export interface WaitRule {
  /** The action whose date starts the wait (the first one since the case last entered `since`). */
  afterAction: string;
  days: number;
  code: string;
  basis: string;
}

export interface ActionDef {
  label: string;
  from: string[];
  to: string;
  roles: string[];
  requiresDocument?: boolean;
  wait?: WaitRule;
  /** Taken by the system as a consequence of another act (e.g. signing an inventory), not requested directly. */
  automatic?: boolean;
}

export interface CaseMachineDef {
  initial: string;
  states: Record<string, { label: string }>;
  actions: Record<string, ActionDef>;
  enforcementCalendar?: EnforcementCalendarRules;
}

/** The steps a person takes (the others the system records itself: plan approved, paid, handed over). */
const manual = (def: CaseMachineDef) => Object.entries(def.actions).filter(([, a]) => !a.automatic);

export interface PastTransition {
  action: string;
  fromState: string;
  toState: string;
  occurredOn: string;
}

export type Decision =
  | { ok: true; to: string }
  | {
      ok: false;
      kind: 'validation' | 'forbidden' | 'conflict';
      code: string;
      message: string;
      details: Record<string, unknown>;
    };

/**
 * Decides whether `action` may be taken now. Pure: the same inputs always give the same answer.
 * `history` is the case's transitions, oldest first.
 */
export function decideCaseTransition(
  def: CaseMachineDef,
  input: {
    state: string;
    action: string;
    occurredOn: string;
    role: string;
    documentRef: string;
    history: PastTransition[];
    system?: boolean;
    /** The holiday table: a waiting period ending on a rest day ends on the next working day. */
    rest: RestDays;
  },
): Decision {
  const action = def.actions[input.action];
  if (!action || (action.automatic && !input.system)) {
    return {
      ok: false,
      kind: 'validation',
      code: 'CASE.UNKNOWN_ACTION',
      // The steps a clerk may take are named, so a caller sees what it may send (as on a plan, issue 18 §14).
      message: `Thao tác "${input.action}" không có trong quy trình. Các thao tác: ${manual(def)
        .map(([name, x]) => `${name} (${x.label})`)
        .join(', ')}.`,
      details: { field: 'action', action: input.action, allowed: manual(def).map(([name]) => name) },
    };
  }
  if (!action.from.includes(input.state)) {
    const label = def.states[input.state]?.label ?? input.state;
    return {
      ok: false,
      kind: 'conflict',
      code: 'CASE.TRANSITION_NOT_ALLOWED',
      message: `Không thể "${action.label}" khi hồ sơ đang ở bước "${label}".`,
      details: { state: input.state, action: input.action, allowedFrom: action.from },
    };
  }
  if (!input.system && !action.roles.includes(input.role)) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'CASE.ROLE_NOT_ALLOWED',
      message: `Vai trò của bạn không được thực hiện thao tác "${action.label}"; bước này do ${action.roles
        .map((r) => (ROLE_LABELS as Record<string, string>)[r] ?? r)
        .join(', ')} thực hiện.`,
      details: { action: input.action, allowed: action.roles },
    };
  }
  if (action.requiresDocument && !input.documentRef.trim()) {
    return {
      ok: false,
      kind: 'validation',
      code: 'CASE.DOCUMENT_REQUIRED',
      message: `Thao tác "${action.label}" phải ghi số, ngày văn bản.`,
      details: { field: 'documentRef' },
    };
  }
  const last = input.history[input.history.length - 1];
  if (last && input.occurredOn < last.occurredOn) {
    return {
      ok: false,
      kind: 'validation',
      code: 'CASE.DATE_BEFORE_PREVIOUS',
      message: `Ngày thực hiện (${formatVnDate(input.occurredOn)}) sớm hơn bước trước đó (${formatVnDate(last.occurredOn)}).`,
      details: { field: 'occurredOn', previous: last.occurredOn },
    };
  }
  if (action.wait) {
    const start = waitStart(input.history, action.wait.afterAction);
    if (!start) {
      return {
        ok: false,
        kind: 'conflict',
        code: action.wait.code,
        message: `Chưa có bước "${def.actions[action.wait.afterAction]?.label ?? action.wait.afterAction}" nên chưa thể "${action.label}".`,
        details: { rule: action.wait.basis },
      };
    }
    const end = calendarDeadline(start, action.wait.days, input.rest);
    const earliest = addDays(end, 1);
    if (input.occurredOn < earliest) {
      return {
        ok: false,
        kind: 'conflict',
        code: action.wait.code,
        message:
          `Chưa hết thời hạn ${action.wait.days} ngày kể từ ngày ${formatVnDate(start)} (${action.wait.basis}); ` +
          `sớm nhất ngày ${formatVnDate(earliest)} mới được "${action.label}".`,
        details: { startedOn: start, periodEnds: end, earliest, days: action.wait.days, basis: action.wait.basis },
      };
    }
  }
  return { ok: true, to: action.to };
}

/** The date of the first `afterAction` in the current run of that action (the clock does not restart on repeats). */
function waitStart(history: PastTransition[], afterAction: string): string | null {
  let start: string | null = null;
  for (const t of history) {
    if (t.action === afterAction) {
      if (start === null) start = t.occurredOn;
    } else if (t.toState !== t.fromState) {
      start = null; // the case moved on and back: a new episode starts a new clock
    }
  }
  return start;
}

/** The actions a role may take from a state (for the UI's buttons). */
export function availableActions(def: CaseMachineDef, state: string, role: string): string[] {
  return Object.entries(def.actions)
    .filter(([, a]) => !a.automatic && a.from.includes(state) && a.roles.includes(role))
    .map(([name]) => name);
}

/** A step the procedure offers from where the case stands: who may take it, from which day, what it needs. */
export interface NextStep {
  action: string;
  label: string;
  roles: string[];
  /** The step must cite a document (its number and symbol). */
  requiresDocument: boolean;
  /** The first day the step may be dated: not before the last step, nor before a waiting period ends. */
  earliestOn: string | null;
  /** The legal basis of the waiting period, when there is one. */
  waitBasis: string | null;
  /** Why the step cannot be taken yet whatever the date (the step it waits for has not happened). */
  blockedBy: string | null;
}

/**
 * The steps a case may take next (procedure.md §4), for the screens: the same rules `decideCaseTransition` applies,
 * so the UI never re-implements them. Automatic steps (taken by the system) are left out.
 */
export function nextSteps(def: CaseMachineDef, state: string, history: PastTransition[], rest: RestDays): NextStep[] {
  const last = history.length ? history[history.length - 1].occurredOn : null;
  return Object.entries(def.actions)
    .filter(([, a]) => !a.automatic && a.from.includes(state))
    .map(([name, a]) => {
      let earliestOn = last;
      let blockedBy: string | null = null;
      if (a.wait) {
        const start = waitStart(history, a.wait.afterAction);
        if (!start) blockedBy = `Chưa có bước "${def.actions[a.wait.afterAction]?.label ?? a.wait.afterAction}".`;
        else {
          const earliest = addDays(calendarDeadline(start, a.wait.days, rest), 1);
          if (!earliestOn || earliest > earliestOn) earliestOn = earliest;
        }
      }
      return {
        action: name,
        label: a.label,
        roles: [...a.roles],
        requiresDocument: a.requiresDocument ?? false,
        earliestOn,
        waitBasis: a.wait?.basis ?? null,
        blockedBy,
      };
    });
}

/**
 * The states in the order a case goes through them: by the fewest steps from the initial state (ties by code),
 * states no step leads to last. The stored definition is JSON whose key order is not kept, so the order is derived.
 */
export function stateOrder(def: CaseMachineDef): string[] {
  const distance = new Map<string, number>([[def.initial, 0]]);
  const queue = [def.initial];
  while (queue.length) {
    const state = queue.shift()!;
    for (const a of Object.values(def.actions))
      if (a.from.includes(state) && !distance.has(a.to)) {
        distance.set(a.to, distance.get(state)! + 1);
        queue.push(a.to);
      }
  }
  const rank = (s: string) => distance.get(s) ?? Number.MAX_SAFE_INTEGER;
  return Object.keys(def.states).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
