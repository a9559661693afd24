import type { Role } from '../../../shared/roles.js';

/**
 * The complaint sub-machine (procedure.md §6.4, §12): RECEIVED → (ACCEPTED | REJECTED) → VERIFYING → DIALOGUE →
 * DECIDED_L1 → (FINAL after the appeal window | APPEALED_L2 | LAWSUIT) → … → DECIDED_L2 → FINAL | LAWSUIT, plus
 * WITHDRAWN and SUSPENDED (NĐ 155/2026: suspension, the clock resumes after it). Denunciations (tố cáo) and
 * petitions (kiến nghị, phản ánh) follow the same first-level steps but have no dialogue, appeal or lawsuit: they are
 * routed under Luật Tố cáo / Luật Tiếp công dân. Pure: who may do what, from which state, with what.
 */
export const COMPLAINT_KINDS = ['complaint', 'denunciation', 'petition'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const COMPLAINT_STATES = [
  'RECEIVED',
  'ACCEPTED',
  'REJECTED',
  'VERIFYING',
  'DIALOGUE',
  'DECIDED_L1',
  'APPEALED_L2',
  'DECIDED_L2',
  'FINAL',
  'LAWSUIT',
  'WITHDRAWN',
  'SUSPENDED',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_ACTIONS = [
  'accept',
  'refuse',
  'start_verification',
  'hold_dialogue',
  'decide',
  'appeal',
  'sue',
  'finalize',
  'withdraw',
  'suspend',
  'resume',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** States in which the agency still owes an answer (the resolution clock runs). */
export const RESOLVING: readonly ComplaintState[] = ['ACCEPTED', 'VERIFYING', 'DIALOGUE'];
/** States that end the matter in this system. */
export const CLOSED: readonly ComplaintState[] = ['REJECTED', 'FINAL', 'LAWSUIT', 'WITHDRAWN'];

export const STATE_LABELS: Record<ComplaintState, string> = {
  RECEIVED: 'Đã tiếp nhận',
  ACCEPTED: 'Đã thụ lý',
  REJECTED: 'Không thụ lý',
  VERIFYING: 'Đang xác minh',
  DIALOGUE: 'Đã đối thoại',
  DECIDED_L1: 'Đã có quyết định giải quyết lần đầu',
  APPEALED_L2: 'Khiếu nại lần hai',
  DECIDED_L2: 'Đã có quyết định giải quyết lần hai',
  FINAL: 'Quyết định có hiệu lực pháp luật',
  LAWSUIT: 'Khởi kiện tại Tòa án',
  WITHDRAWN: 'Đã rút đơn',
  SUSPENDED: 'Tạm đình chỉ giải quyết',
};

export const ACTION_LABELS: Record<ComplaintAction, string> = {
  accept: 'thụ lý',
  refuse: 'không thụ lý',
  start_verification: 'xác minh',
  hold_dialogue: 'đối thoại',
  decide: 'ban hành quyết định giải quyết',
  appeal: 'khiếu nại lần hai',
  sue: 'khởi kiện',
  finalize: 'ghi nhận quyết định có hiệu lực',
  withdraw: 'rút đơn',
  suspend: 'tạm đình chỉ',
  resume: 'tiếp tục giải quyết',
};

/** Who records complaints and their ordinary steps: the Center, the land office, the commune (its communes only). */
export const COMPLAINT_HANDLERS: readonly Role[] = [
  'center_staff',
  'center_lead',
  'land_office',
  'commune_officer',
  'admin',
];
/** First-level decisions on complaints and denunciations are the Chairman's (Luật Khiếu nại 2011 Đ18). */
const DECIDERS_L1: readonly Role[] = ['district_leader', 'admin'];
/** A petition is answered by the agency that holds it. */
const PETITION_DECIDERS: readonly Role[] = ['center_lead', 'district_leader', 'admin'];
/** The second level is the province's: the Center records its decision as received. */
const RECORDERS_L2: readonly Role[] = ['center_staff', 'center_lead', 'admin'];

export interface ComplaintSnapshot {
  kind: ComplaintKind;
  state: ComplaintState;
  level: 1 | 2;
  /** The state a suspended complaint returns to. */
  stateBeforeSuspension: ComplaintState | null;
}

export interface StepFacts {
  /** The resolution deadline of the current level has passed without a decision (Đ33: appeal or sue then). */
  resolutionLapsed: boolean;
  /** The decision can no longer be appealed (appeal window over): it becomes final. */
  appealWindowOver: boolean;
  /** A dialogue is mandatory before deciding at this level (NĐ 155/2026 at the second level). */
  dialogueMandatory: boolean;
}

export type StepCheck =
  { ok: true; to: ComplaintState } | { ok: false; code: string; message: string; details?: Record<string, unknown> };

const fail = (code: string, message: string, details?: Record<string, unknown>): StepCheck => ({
  ok: false,
  code,
  message,
  details,
});

/** Whether `role` may take `action` on the complaint now, and the state it leads to; a coded refusal otherwise. */
export function checkStep(c: ComplaintSnapshot, action: ComplaintAction, role: Role, facts: StepFacts): StepCheck {
  const isComplaint = c.kind === 'complaint';
  const from = (states: readonly ComplaintState[]): boolean => states.includes(c.state);
  const refuseFrom = () =>
    fail(
      'COMPLAINT.TRANSITION_NOT_ALLOWED',
      `Không thể ${ACTION_LABELS[action]} khi đơn đang ở bước "${STATE_LABELS[c.state]}".`,
      { state: c.state, action },
    );
  const roles = (allowed: readonly Role[]) => allowed.includes(role);
  const refuseRole = () =>
    fail('COMPLAINT.ROLE_NOT_ALLOWED', `Vai trò của bạn không được ${ACTION_LABELS[action]} đơn này.`, {
      action,
      role,
    });

  switch (action) {
    case 'accept':
    case 'refuse': {
      if (!from(['RECEIVED', 'APPEALED_L2'])) return refuseFrom();
      if (!roles(c.level === 2 ? RECORDERS_L2 : COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: action === 'accept' ? 'ACCEPTED' : 'REJECTED' };
    }
    case 'start_verification':
      if (!from(['ACCEPTED'])) return refuseFrom();
      if (!roles(c.level === 2 ? RECORDERS_L2 : COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'VERIFYING' };
    case 'hold_dialogue':
      if (!isComplaint)
        return fail('COMPLAINT.NOT_A_COMPLAINT', 'Chỉ đơn khiếu nại mới tổ chức đối thoại.', { kind: c.kind });
      if (!from(['VERIFYING'])) return refuseFrom();
      if (!roles(c.level === 2 ? RECORDERS_L2 : COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'DIALOGUE' };
    case 'decide': {
      if (!from(['VERIFYING', 'DIALOGUE'])) return refuseFrom();
      if (c.state === 'VERIFYING' && isComplaint && facts.dialogueMandatory) {
        return fail(
          'COMPLAINT.DIALOGUE_REQUIRED',
          'Phải tổ chức đối thoại trước khi ra quyết định giải quyết khiếu nại lần hai.',
          { level: c.level },
        );
      }
      const allowed = c.level === 2 ? RECORDERS_L2 : c.kind === 'petition' ? PETITION_DECIDERS : DECIDERS_L1;
      if (!roles(allowed)) return refuseRole();
      return { ok: true, to: c.level === 2 ? 'DECIDED_L2' : 'DECIDED_L1' };
    }
    case 'appeal':
      if (!isComplaint)
        return fail('COMPLAINT.NOT_A_COMPLAINT', 'Tố cáo, kiến nghị không có thủ tục khiếu nại lần hai.', {
          kind: c.kind,
        });
      if (c.level !== 1) return refuseFrom();
      // Luật Khiếu nại 2011 Đ33: after the first-level decision, or when its deadline lapsed without one.
      if (!(c.state === 'DECIDED_L1' || (from(RESOLVING) && facts.resolutionLapsed))) return refuseFrom();
      // Đ33: within 30 days (45 remote) of the decision, or of the day the resolution deadline lapsed.
      if (facts.appealWindowOver) {
        return fail(
          'COMPLAINT.APPEAL_PERIOD_OVER',
          c.state === 'DECIDED_L1'
            ? 'Đã hết thời hạn khiếu nại lần hai: quyết định giải quyết lần đầu đã có hiệu lực.'
            : 'Đã hết thời hạn khiếu nại lần hai kể từ ngày hết hạn giải quyết lần đầu.',
          {},
        );
      }
      if (!roles(COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'APPEALED_L2' };
    case 'sue':
      if (!isComplaint)
        return fail('COMPLAINT.NOT_A_COMPLAINT', 'Chỉ đơn khiếu nại quyết định hành chính mới chuyển sang khởi kiện.', {
          kind: c.kind,
        });
      if (!(from(['DECIDED_L1', 'DECIDED_L2', 'REJECTED']) || (from(RESOLVING) && facts.resolutionLapsed)))
        return refuseFrom();
      if (!roles(COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'LAWSUIT' };
    case 'finalize':
      if (!from(['DECIDED_L1', 'DECIDED_L2'])) return refuseFrom();
      // A complaint decision becomes final once nobody can appeal it any more (Đ44); the others close on the answer.
      if (isComplaint && !facts.appealWindowOver) {
        return fail(
          'COMPLAINT.NOT_YET_FINAL',
          'Quyết định giải quyết chưa có hiệu lực pháp luật: còn trong thời hạn khiếu nại hoặc khởi kiện.',
          {},
        );
      }
      if (!roles(c.level === 2 ? RECORDERS_L2 : COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'FINAL' };
    case 'withdraw':
      if (!from(['RECEIVED', 'ACCEPTED', 'VERIFYING', 'DIALOGUE', 'APPEALED_L2', 'SUSPENDED'])) return refuseFrom();
      // At the second level the letter goes to the province; the Center records it.
      if (!roles(c.level === 2 ? RECORDERS_L2 : COMPLAINT_HANDLERS)) return refuseRole();
      return { ok: true, to: 'WITHDRAWN' };
    case 'suspend':
      if (!from(RESOLVING)) return refuseFrom();
      if (!roles(c.level === 2 ? RECORDERS_L2 : [...DECIDERS_L1, 'center_lead'])) return refuseRole();
      return { ok: true, to: 'SUSPENDED' };
    case 'resume':
      if (c.state !== 'SUSPENDED' || !c.stateBeforeSuspension) return refuseFrom();
      if (!roles(c.level === 2 ? RECORDERS_L2 : [...DECIDERS_L1, 'center_lead'])) return refuseRole();
      return { ok: true, to: c.stateBeforeSuspension };
  }
}
