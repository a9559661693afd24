import { formatVnDate } from '../../../shared/dates.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { calendarDaysBetween, calendarDeadline, type RestDays } from '../../calendar/domain/calendar.js';
import { type BookPeriod, bookInForceOn } from '../../pricing/domain/price-book.js';

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
  | { kind: 'no_open_disagreement'; code: string }
  | { kind: 'priced_at_decision'; code: string; basis: string };

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
  /** What the plan was priced with, for the rule that land is priced at the recovery decision. */
  pricing: PlanPricing;
}

export interface PlanPricing {
  valuationDate: string;
  book: { id: string; code: string };
  /**
   * The day of the decisions the price must be the one of, when it is not the step's own date: an adjusted plan
   * recovers no land, its price is that of its parent's recovery decisions.
   */
  decidedOn: string | null;
  /** The plan's communes. */
  communes: { code: string; name: string; kind: string }[];
  /** The active price books, with when and where each applies. */
  books: BookPeriod[];
  /** Whether a structure was valued by its age (then the year of valuation counts too). */
  agedStructures: boolean;
}

/**
 * Whether a plan priced as of its valuation date is priced as at `on` (LĐĐ 2013 Đ74 k2: the land price is the one at
 * the recovery decision): the book in force for each of its communes that day is the plan's, and no structure was
 * valued by its age in another year. Null when it is; otherwise why not.
 */
export function repricingNeeded(
  p: PlanPricing,
  on: string,
): {
  communes: { communeCode: string; communeName: string; inForce: string | null }[];
  agedStructures: boolean;
} | null {
  const communes = p.communes
    .map((c) => ({ c, book: bookInForceOn(p.books, c.code, on) }))
    .filter(({ book }) => book?.id !== p.book.id)
    .map(({ c, book }) => ({ communeCode: c.code, communeName: `${c.kind} ${c.name}`, inForce: book?.code ?? null }));
  const agedStructures = p.agedStructures && p.valuationDate.slice(0, 4) !== on.slice(0, 4);
  return communes.length || agedStructures ? { communes, agedStructures } : null;
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
      case 'priced_at_decision': {
        const p = f.pricing;
        const on = p.decidedOn ?? input.occurredOn;
        const why = repricingNeeded(p, on);
        if (why) {
          const reasons = [
            ...why.communes.map((c) =>
              c.inForce
                ? `${c.communeName} áp dụng bảng giá ${c.inForce}`
                : `${c.communeName} chưa có bảng giá áp dụng`,
            ),
            ...(why.agedStructures
              ? [
                  `công trình tính giá trị còn lại theo thời gian sử dụng đến năm ${p.valuationDate.slice(0, 4)}, không phải năm ${on.slice(0, 4)}`,
                ]
              : []),
          ];
          return fail(
            `Giá đất phải là giá tại thời điểm quyết định thu hồi đất (${rule.basis}), tức ngày ${formatVnDate(on)}. Phương án tính theo bảng giá ${p.book.code} áp giá ngày ${formatVnDate(p.valuationDate)}, nhưng ngày ${formatVnDate(on)} ${reasons.join('; ')}. Trả lại phương án để tính lại tại ngày quyết định.`,
            {
              field: 'occurredOn',
              valuationDate: p.valuationDate,
              decidedOn: on,
              priceBookCode: p.book.code,
              communes: why.communes,
              agedStructures: why.agedStructures,
            },
          );
        }
        break;
      }
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
  input: { state: string; role: string; lastOccurredOn: string | null; today: string; facts: PlanFacts },
): PlanNextStep[] {
  // Date rules are passed by dating the step far ahead; the price is checked as of today (or the parent's decisions).
  const f = {
    ...input.facts,
    pricing: { ...input.facts.pricing, decidedOn: input.facts.pricing.decidedOn ?? input.today },
  };
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
