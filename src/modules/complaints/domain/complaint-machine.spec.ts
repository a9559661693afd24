import { describe, expect, it } from '@jest/globals';
import type { Role } from '../../../shared/roles.js';
import {
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintState,
  checkStep,
  type StepFacts,
} from './complaint-machine.js';

const facts = (f: Partial<StepFacts> = {}): StepFacts => ({
  resolutionLapsed: false,
  appealWindowOver: false,
  dialogueMandatory: false,
  ...f,
});
const step = (
  state: ComplaintState,
  action: ComplaintAction,
  role: Role,
  f: Partial<StepFacts> = {},
  kind: ComplaintKind = 'complaint',
  level: 1 | 2 = 1,
  before: ComplaintState | null = null,
) => checkStep({ kind, state, level, stateBeforeSuspension: before }, action, role, facts(f));

describe('complaint machine (procedure.md §6.4): the main line', () => {
  it.each([
    ['RECEIVED', 'accept', 'commune_officer', 'ACCEPTED'],
    ['RECEIVED', 'refuse', 'center_staff', 'REJECTED'],
    ['ACCEPTED', 'start_verification', 'land_office', 'VERIFYING'],
    ['VERIFYING', 'hold_dialogue', 'center_staff', 'DIALOGUE'],
    ['DIALOGUE', 'decide', 'district_leader', 'DECIDED_L1'],
    ['VERIFYING', 'decide', 'district_leader', 'DECIDED_L1'],
    ['DECIDED_L1', 'appeal', 'center_staff', 'APPEALED_L2'],
    ['DECIDED_L1', 'sue', 'center_staff', 'LAWSUIT'],
    ['ACCEPTED', 'withdraw', 'commune_officer', 'WITHDRAWN'],
    ['VERIFYING', 'suspend', 'district_leader', 'SUSPENDED'],
  ] as const)('%s --%s (%s)--> %s', (state, action, role, to) => {
    expect(step(state, action, role)).toEqual({ ok: true, to });
  });

  it('finalize once the appeal window is over, not before', () => {
    expect(step('DECIDED_L1', 'finalize', 'center_staff', { appealWindowOver: true })).toEqual({
      ok: true,
      to: 'FINAL',
    });
    expect(step('DECIDED_L1', 'finalize', 'center_staff')).toMatchObject({
      ok: false,
      code: 'COMPLAINT.NOT_YET_FINAL',
    });
  });

  it('resume returns to the state before the suspension', () => {
    expect(step('SUSPENDED', 'resume', 'district_leader', {}, 'complaint', 1, 'DIALOGUE')).toEqual({
      ok: true,
      to: 'DIALOGUE',
    });
  });

  it("second level: the Center records the province's steps; a dialogue is mandatory when the rule says so", () => {
    expect(step('APPEALED_L2', 'accept', 'center_staff', {}, 'complaint', 2)).toEqual({ ok: true, to: 'ACCEPTED' });
    expect(step('VERIFYING', 'decide', 'center_lead', { dialogueMandatory: true }, 'complaint', 2)).toMatchObject({
      ok: false,
      code: 'COMPLAINT.DIALOGUE_REQUIRED',
    });
    expect(step('DIALOGUE', 'decide', 'center_lead', { dialogueMandatory: true }, 'complaint', 2)).toEqual({
      ok: true,
      to: 'DECIDED_L2',
    });
    expect(step('DECIDED_L2', 'finalize', 'center_staff', { appealWindowOver: true }, 'complaint', 2)).toEqual({
      ok: true,
      to: 'FINAL',
    });
  });

  it('appeal or sue before a decision only once the resolution deadline lapsed (Luật Khiếu nại 2011 Đ33)', () => {
    expect(step('VERIFYING', 'appeal', 'center_staff')).toMatchObject({
      ok: false,
      code: 'COMPLAINT.TRANSITION_NOT_ALLOWED',
    });
    expect(step('VERIFYING', 'appeal', 'center_staff', { resolutionLapsed: true })).toEqual({
      ok: true,
      to: 'APPEALED_L2',
    });
    expect(step('DIALOGUE', 'sue', 'center_staff', { resolutionLapsed: true })).toEqual({ ok: true, to: 'LAWSUIT' });
  });
});

describe('refused steps carry a stable code', () => {
  it.each([
    ['RECEIVED', 'decide', 'district_leader', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['RECEIVED', 'start_verification', 'center_staff', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['ACCEPTED', 'accept', 'center_staff', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['REJECTED', 'start_verification', 'center_staff', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['FINAL', 'withdraw', 'center_staff', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['WITHDRAWN', 'resume', 'district_leader', 'complaint', 'COMPLAINT.TRANSITION_NOT_ALLOWED'],
    ['DIALOGUE', 'decide', 'center_staff', 'complaint', 'COMPLAINT.ROLE_NOT_ALLOWED'],
    ['DIALOGUE', 'decide', 'commune_officer', 'complaint', 'COMPLAINT.ROLE_NOT_ALLOWED'],
    ['RECEIVED', 'accept', 'investor', 'complaint', 'COMPLAINT.ROLE_NOT_ALLOWED'],
    ['RECEIVED', 'accept', 'auditor', 'complaint', 'COMPLAINT.ROLE_NOT_ALLOWED'],
    ['VERIFYING', 'suspend', 'commune_officer', 'complaint', 'COMPLAINT.ROLE_NOT_ALLOWED'],
    ['VERIFYING', 'hold_dialogue', 'center_staff', 'petition', 'COMPLAINT.NOT_A_COMPLAINT'],
    ['DECIDED_L1', 'appeal', 'center_staff', 'denunciation', 'COMPLAINT.NOT_A_COMPLAINT'],
    ['DECIDED_L1', 'sue', 'center_staff', 'petition', 'COMPLAINT.NOT_A_COMPLAINT'],
  ] as const)('%s --%s (%s, %s)--> %s', (state, action, role, kind, code) => {
    expect(step(state, action, role, {}, kind)).toMatchObject({ ok: false, code });
  });

  it('no second appeal after the window closed (Đ33), after a decision or after a lapsed deadline', () => {
    expect(step('DECIDED_L1', 'appeal', 'center_staff', { appealWindowOver: true })).toMatchObject({
      ok: false,
      code: 'COMPLAINT.APPEAL_PERIOD_OVER',
    });
    expect(
      step('VERIFYING', 'appeal', 'center_staff', { resolutionLapsed: true, appealWindowOver: true }),
    ).toMatchObject({ ok: false, code: 'COMPLAINT.APPEAL_PERIOD_OVER' });
  });

  it('second-level withdrawal and finality are recorded by the Center, not the commune', () => {
    expect(step('VERIFYING', 'withdraw', 'commune_officer', {}, 'complaint', 2)).toMatchObject({
      ok: false,
      code: 'COMPLAINT.ROLE_NOT_ALLOWED',
    });
    expect(step('VERIFYING', 'withdraw', 'center_staff', {}, 'complaint', 2)).toEqual({ ok: true, to: 'WITHDRAWN' });
    expect(step('DECIDED_L2', 'finalize', 'commune_officer', { appealWindowOver: true }, 'complaint', 2)).toMatchObject(
      { ok: false, code: 'COMPLAINT.ROLE_NOT_ALLOWED' },
    );
  });

  it("a petition is answered by the Center's lead and closes at once", () => {
    expect(step('VERIFYING', 'decide', 'center_lead', {}, 'petition')).toEqual({ ok: true, to: 'DECIDED_L1' });
    expect(step('DECIDED_L1', 'finalize', 'center_staff', {}, 'petition')).toEqual({ ok: true, to: 'FINAL' });
  });
});
