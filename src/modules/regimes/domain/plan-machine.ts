import { formatVnDate } from '../../../shared/dates.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { calendarDaysBetween, calendarDeadline, type RestDays } from '../../calendar/domain/calendar.js';

/**
 * A regime's plan workflow as data (procedure.md §4 steps 9–17, §6.2): states, actions, the roles allowed, and the
 * rules each action must pass. Rules are named and parameterised here, evaluated by `decidePlanAction` against facts
 * the service gathers; a later regime (30-day posting, approval before recovery…) is a new definition.
 */
export type PlanRule =
  | { kind: 'no_blocking_findings'; code: string }
  | { kind: 'min_days_since_posting'; days: number; code: string; basis: string }
  | { kind: 'notice_period'; agriculturalDays: number; nonAgriculturalDays: number; code: string; basis: string }
  | { kind: 'all_sections_agreed'; code: string }
  | { kind: 'disagreement_exists'; code: string }
  | { kind: 'no_open_disagreement'; code: string };

export interface PlanActionDef {
  label: string;
  from: string[];
  /** Target state; appraisal by section stays in IN_APPRAISAL until every section agrees (see `sections`). */
  to: string;
  roles: string[];
  rules?: PlanRule[];
  /** For `appraise`: which section each role speaks for. */
  sections?: Record<string, string>;
}

export interface PlanMachineDef {
  states: Record<string, { label: string; editable?: boolean; frozen?: boolean }>;
  actions: Record<string, PlanActionDef>;
  /** Appraisal sections and their labels (land chairs). */
  sections: Record<string, string>;
}

export interface PlanFacts {
  postedOn: string | null;
  blockingFindings: number;
  /** One per case: when its recovery notice was delivered and whether it has non-agricultural land. */
  notices: { caseId: string; name: string; noticeDeliveredOn: string | null; nonAgricultural: boolean }[];
  /** Sections that agreed since the last return. */
  agreedSections: string[];
  disagreements: number;
  openDisagreements: number;
  /** The holiday table: a period ending on a rest day ends on the next working day (BLDS 2015 Đ148). */
  rest: RestDays;
}

export type PlanDecision =
  | { ok: true; to: string; section?: string }
  | {
      ok: false;
      code: string;
      kind: 'conflict' | 'forbidden' | 'validation';
      message: string;
      details: Record<string, unknown>;
    };

export function decidePlanAction(
  def: PlanMachineDef,
  input: {
    state: string;
    action: string;
    role: string;
    occurredOn: string;
    lastOccurredOn: string | null;
    outcome?: 'agree' | 'return';
    facts: PlanFacts;
  },
): PlanDecision {
  const a = def.actions[input.action];
  if (!a)
    return {
      ok: false,
      kind: 'validation',
      code: 'PLAN.UNKNOWN_ACTION',
      // The valid steps are named, so a caller sees what it may send (issue 18 §14).
      message: `Thao tác "${input.action}" không có trong quy trình. Các thao tác: ${Object.entries(def.actions)
        .map(([name, x]) => `${name} (${x.label})`)
        .join(', ')}.`,
      details: { field: 'action', allowed: Object.keys(def.actions) },
    };
  if (!a.from.includes(input.state)) {
    return {
      ok: false,
      kind: 'conflict',
      code: 'PLAN.TRANSITION_NOT_ALLOWED',
      message: `Không thể "${a.label}" khi phương án đang ở bước "${def.states[input.state]?.label ?? input.state}".`,
      details: { state: input.state, allowedFrom: a.from },
    };
  }
  if (!a.roles.includes(input.role)) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'PLAN.ROLE_NOT_ALLOWED',
      message: `Vai trò của bạn không được "${a.label}"; bước này do ${a.roles
        .map((r) => (ROLE_LABELS as Record<string, string>)[r] ?? r)
        .join(', ')} thực hiện.`,
      details: { allowed: a.roles },
    };
  }
  if (input.lastOccurredOn && input.occurredOn < input.lastOccurredOn) {
    return {
      ok: false,
      kind: 'validation',
      code: 'PLAN.DATE_BEFORE_PREVIOUS',
      message: `Ngày thực hiện sớm hơn bước trước (${formatVnDate(input.lastOccurredOn)}).`,
      details: { field: 'occurredOn' },
    };
  }
  const f = input.facts;
  for (const rule of a.rules ?? []) {
    const fail = (message: string, details: Record<string, unknown> = {}): PlanDecision => ({
      ok: false,
      kind: 'conflict',
      code: rule.code,
      message,
      details,
    });
    switch (rule.kind) {
      case 'no_blocking_findings':
        if (f.blockingFindings > 0)
          return fail(
            `Phương án còn ${f.blockingFindings} lỗi chặn (thiếu căn cứ, thiếu phương án tái định cư…); sửa rồi tính lại.`,
            { blockingFindings: f.blockingFindings },
          );
        break;
      case 'min_days_since_posting': {
        if (!f.postedOn) return fail('Phương án chưa được niêm yết.');
        // The first day is not counted: posted on day D, the period covers D+1 … D+days.
        const earliest = calendarDeadline(f.postedOn, rule.days, f.rest);
        if (input.occurredOn < earliest) {
          return fail(
            `Chưa đủ ${rule.days} ngày niêm yết (${rule.basis}): niêm yết từ ${formatVnDate(f.postedOn)}, mới ${Math.max(0, calendarDaysBetween(f.postedOn, input.occurredOn))} ngày; sớm nhất ngày ${formatVnDate(earliest)} mới được kết thúc.`,
            { postedOn: f.postedOn, days: rule.days, earliest },
          );
        }
        break;
      }
      case 'notice_period': {
        const short = f.notices
          .map((n) => {
            if (!n.noticeDeliveredOn) return { ...n, earliest: null };
            return {
              ...n,
              earliest: calendarDeadline(
                n.noticeDeliveredOn,
                n.nonAgricultural ? rule.nonAgriculturalDays : rule.agriculturalDays,
                f.rest,
              ),
            };
          })
          .filter((n) => n.earliest === null || input.occurredOn < n.earliest);
        if (short.length > 0) {
          const first = short[0];
          return fail(
            `${short.length} hồ sơ chưa đủ thời hạn thông báo thu hồi đất (${rule.agriculturalDays} ngày với đất nông nghiệp, ${rule.nonAgriculturalDays} ngày với đất phi nông nghiệp; ${rule.basis}), ví dụ ${first.name} (${first.nonAgricultural ? `có đất phi nông nghiệp: ${rule.nonAgriculturalDays} ngày` : `chỉ có đất nông nghiệp: ${rule.agriculturalDays} ngày`}): ${first.earliest ? `sớm nhất ngày ${formatVnDate(first.earliest)}` : 'chưa giao thông báo'}.`,
            {
              cases: short.map((s) => ({
                caseId: s.caseId,
                noticeDeliveredOn: s.noticeDeliveredOn,
                periodDays: s.nonAgricultural ? rule.nonAgriculturalDays : rule.agriculturalDays,
                earliest: s.earliest,
              })),
            },
          );
        }
        break;
      }
      case 'all_sections_agreed': {
        const missing = Object.keys(def.sections).filter((s) => !f.agreedSections.includes(s));
        if (missing.length)
          return fail(`Còn thiếu ý kiến thẩm định của: ${missing.map((s) => def.sections[s]).join(', ')}.`, {
            missing,
          });
        break;
      }
      case 'disagreement_exists':
        if (f.disagreements === 0) return fail('Không có hộ nào không đồng ý nên không cần đối thoại.');
        break;
      case 'no_open_disagreement':
        if (f.openDisagreements > 0)
          return fail(`Còn ${f.openDisagreements} hộ không đồng ý chưa được đối thoại.`, {
            openDisagreements: f.openDisagreements,
          });
        break;
    }
  }
  if (a.sections) {
    const section = a.sections[input.role];
    if (!section)
      return {
        ok: false,
        kind: 'forbidden',
        code: 'PLAN.APPRAISAL_WRONG_OFFICE',
        message: 'Phòng của bạn không thẩm định phương án này.',
        details: {},
      };
    if (input.outcome === 'return') return { ok: true, to: 'DRAFT', section };
    // One opinion per office (its văn bản thẩm định); an office that finds an error afterwards returns the plan.
    if (f.agreedSections.includes(section))
      return {
        ok: false,
        kind: 'conflict',
        code: 'PLAN.APPRAISAL_ALREADY_GIVEN',
        message: `${def.sections[section]} đã cho ý kiến thẩm định đồng ý; phương án chờ ý kiến của các phòng còn lại.`,
        details: { section },
      };
    const agreed = new Set([...f.agreedSections, section]);
    const allAgreed = Object.keys(def.sections).every((s) => agreed.has(s));
    return { ok: true, to: allAgreed ? a.to : input.state, section };
  }
  return { ok: true, to: a.to };
}

/** A step a plan may take next: who, from which day, with which fields, and what still stands in its way. */
export interface PlanNextStep {
  action: string;
  label: string;
  roles: string[];
  /** The first day the step may be dated: not before the last step, the posting period, the notice periods. */
  earliestOn: string | null;
  /** Why the step cannot be taken whatever the date (a blocking finding, a section still to agree…), or null. */
  blockedBy: string | null;
  blockedCode: string | null;
}

/**
 * The steps the procedure offers a plan from where it stands (procedure.md §4 steps 9–17), with the same rules
 * `decidePlanAction` applies: the screens show them and never re-implement them. `role` picks the appraisal section
 * a role speaks for.
 */
export function planNextSteps(
  def: PlanMachineDef,
  input: { state: string; role: string; lastOccurredOn: string | null; facts: PlanFacts },
): PlanNextStep[] {
  const f = input.facts;
  return Object.entries(def.actions)
    .filter(([, a]) => a.from.includes(input.state))
    .map(([name, a]) => {
      let earliestOn = input.lastOccurredOn;
      const later = (d: string | null) => {
        if (d && (!earliestOn || d > earliestOn)) earliestOn = d;
      };
      for (const rule of a.rules ?? []) {
        if (rule.kind === 'min_days_since_posting' && f.postedOn)
          later(calendarDeadline(f.postedOn, rule.days, f.rest));
        if (rule.kind === 'notice_period')
          for (const n of f.notices)
            if (n.noticeDeliveredOn)
              later(
                calendarDeadline(
                  n.noticeDeliveredOn,
                  n.nonAgricultural ? rule.nonAgriculturalDays : rule.agriculturalDays,
                  f.rest,
                ),
              );
      }
      // Whatever else refuses the step on its earliest day (or any later one) blocks it.
      const role = a.roles.includes(input.role) ? input.role : a.roles[0];
      const decision = decidePlanAction(def, {
        state: input.state,
        action: name,
        role,
        occurredOn: '9999-12-31',
        lastOccurredOn: input.lastOccurredOn,
        outcome: 'agree',
        facts: f,
      });
      return {
        action: name,
        label: a.label,
        roles: [...a.roles],
        earliestOn,
        blockedBy: decision.ok ? null : decision.message,
        blockedCode: decision.ok ? null : decision.code,
      };
    });
}
