import { describe, expect, it } from '@jest/globals';
import { LS_1019_2258_CASE_MACHINE as def } from '../../../../seeds/regimes/ls-1019-2258.js';
import type { RestDays } from '../../calendar/domain/calendar.js';
import { decideCaseTransition, nextSteps, type PastTransition, stateOrder } from './case-machine.js';

/** Weekends only (no holidays in these cases). */
const rest: RestDays = { holidays: new Set() };

const refusedAndPersuaded: PastTransition[] = [
  { action: 'deliver_notice', fromState: 'IDENTIFIED', toState: 'NOTIFIED', occurredOn: '2024-01-05' },
  { action: 'refuse_survey', fromState: 'NOTIFIED', toState: 'SURVEY_REFUSED', occurredOn: '2024-02-01' },
  { action: 'persuade_survey', fromState: 'SURVEY_REFUSED', toState: 'PERSUADING_SURVEY', occurredOn: '2024-03-01' },
  { action: 'persuade_survey', fromState: 'PERSUADING_SURVEY', toState: 'PERSUADING_SURVEY', occurredOn: '2024-03-08' },
];
const order = (occurredOn: string, extra: Partial<Parameters<typeof decideCaseTransition>[1]> = {}) =>
  decideCaseTransition(def, {
    rest,
    state: 'PERSUADING_SURVEY',
    action: 'order_forced_survey',
    occurredOn,
    role: 'district_leader',
    documentRef: '12/QĐ-UBND',
    history: refusedAndPersuaded,
    ...extra,
  });

describe('compulsory inventory after persuasion (LĐĐ 2013 Đ69 k1 d: 10 days)', () => {
  it.each([
    ['2024-03-10', false],
    ['2024-03-11', false], // the 10th day after persuasion on 01/03: the period is not over yet
    ['2024-03-12', true],
    ['2024-04-30', true],
  ])('decision dated %s allowed=%s (clock from the first persuasion, 01/03/2024)', (date, allowed) => {
    const d = order(date);
    expect(d.ok).toBe(allowed);
    if (!d.ok) {
      expect(d.code).toBe('CASE.PERSUASION_PERIOD_NOT_OVER');
      expect(d.message).toContain('sớm nhất ngày 12/03/2024');
    }
  });

  it('ends a wait whose last day is a rest day on the next working day (BLDS 2015 Đ148; issue 18 §7)', () => {
    // Persuaded on 20/04/2024: the 10 days end on 30/04, a holiday, and 01/05 too: they end on Thursday 02/05.
    const holidays: RestDays = { holidays: new Set(['2024-04-30', '2024-05-01']) };
    const history: PastTransition[] = [
      ...refusedAndPersuaded.slice(0, 2),
      {
        action: 'persuade_survey',
        fromState: 'SURVEY_REFUSED',
        toState: 'PERSUADING_SURVEY',
        occurredOn: '2024-04-20',
      },
    ];
    const at = (occurredOn: string) =>
      decideCaseTransition(def, {
        rest: holidays,
        state: 'PERSUADING_SURVEY',
        action: 'order_forced_survey',
        occurredOn,
        role: 'district_leader',
        documentRef: '12/QĐ-UBND',
        history,
      });
    expect(at('2024-05-02')).toMatchObject({
      ok: false,
      details: { periodEnds: '2024-05-02', earliest: '2024-05-03' },
      message: expect.stringContaining('sớm nhất ngày 03/05/2024'),
    });
    expect(at('2024-05-03').ok).toBe(true);
    const [next] = nextSteps(def, 'PERSUADING_SURVEY', history, holidays).filter(
      (x) => x.action === 'order_forced_survey',
    );
    expect(next.earliestOn).toBe('2024-05-03');
  });

  it('is refused without any persuasion record', () => {
    const d = decideCaseTransition(def, {
      rest,
      state: 'PERSUADING_SURVEY',
      action: 'order_forced_survey',
      occurredOn: '2024-06-01',
      role: 'district_leader',
      documentRef: '12/QĐ-UBND',
      history: refusedAndPersuaded.slice(0, 2),
    });
    expect(d).toMatchObject({ ok: false, code: 'CASE.PERSUASION_PERIOD_NOT_OVER' });
  });

  it('a role refusal names the roles that take the step', () => {
    const d = order('2024-03-20', { role: 'center_staff' });
    expect(!d.ok && d.message).toContain('bước này do Lãnh đạo UBND huyện thực hiện');
  });

  it.each([
    ['from the wrong state', { state: 'NOTIFIED' }, 'CASE.TRANSITION_NOT_ALLOWED'],
    ['by a role that may not', { role: 'center_staff' }, 'CASE.ROLE_NOT_ALLOWED'],
    ['without the decision number', { documentRef: ' ' }, 'CASE.DOCUMENT_REQUIRED'],
    ['dated before the last step', { occurredOn: '2024-03-07' }, 'CASE.DATE_BEFORE_PREVIOUS'],
  ])('is refused %s', (_name, extra, code) => {
    expect(order((extra as { occurredOn?: string }).occurredOn ?? '2024-03-20', extra)).toMatchObject({
      ok: false,
      code,
    });
  });

  it('does not let a client trigger the automatic "inventory signed" step', () => {
    const d = decideCaseTransition(def, {
      rest,
      state: 'NOTIFIED',
      action: 'inventory_signed',
      occurredOn: '2024-02-01',
      role: 'admin',
      documentRef: '',
      history: [],
    });
    // Refused as any unknown step, naming the steps a person may take (the automatic ones not among them).
    expect(d).toMatchObject({
      ok: false,
      code: 'CASE.UNKNOWN_ACTION',
      details: { field: 'action', allowed: expect.arrayContaining(['deliver_notice', 'order_forced_survey']) },
    });
    expect(!d.ok && d.details.allowed).not.toContain('inventory_signed');
    expect(!d.ok && d.message).toContain('order_forced_survey (');
    const sys = decideCaseTransition(def, {
      rest,
      state: 'NOTIFIED',
      action: 'inventory_signed',
      occurredOn: '2024-02-01',
      role: '',
      documentRef: '',
      history: [],
      system: true,
    });
    expect(sys).toEqual({ ok: true, to: 'SURVEYED' });
  });
});

describe('next steps offered to the screens', () => {
  it('give the compulsory inventory from the day the persuasion period ends, to the Chairman, with a decision', () => {
    const steps = nextSteps(def, 'PERSUADING_SURVEY', refusedAndPersuaded, rest);
    const order = steps.find((s) => s.action === 'order_forced_survey');
    expect(order).toMatchObject({
      earliestOn: '2024-03-12', // the same day decideCaseTransition first accepts
      roles: ['district_leader'],
      requiresDocument: true,
      blockedBy: null,
    });
    expect(
      decideCaseTransition(def, {
        rest,
        state: 'PERSUADING_SURVEY',
        action: 'order_forced_survey',
        occurredOn: order!.earliestOn!,
        role: 'district_leader',
        documentRef: '1/QĐ',
        history: refusedAndPersuaded,
      }).ok,
    ).toBe(true);
    expect(steps.find((s) => s.action === 'persuade_survey')).toMatchObject({
      earliestOn: '2024-03-08',
      blockedBy: null,
    });
  });

  it('say what a step waits for when its period has not started, and never offer automatic steps', () => {
    const steps = nextSteps(def, 'PERSUADING_SURVEY', refusedAndPersuaded.slice(0, 2), rest);
    expect(steps.find((s) => s.action === 'order_forced_survey')?.blockedBy).toMatch(/^Chưa có bước/);
    expect(nextSteps(def, 'NOTIFIED', refusedAndPersuaded.slice(0, 1), rest).map((s) => s.action)).not.toContain(
      'inventory_signed',
    );
  });
});

describe('state order', () => {
  it('follows the procedure from the initial state, whatever order the stored definition has', () => {
    const order = stateOrder(def);
    expect(order[0]).toBe('IDENTIFIED');
    expect(order.indexOf('NOTIFIED')).toBeLessThan(order.indexOf('SURVEYED'));
    expect(order.indexOf('SURVEYED')).toBeLessThan(order.indexOf('APPROVED'));
    expect(order.indexOf('APPROVED')).toBeLessThan(order.indexOf('PAID'));
    expect([...order].sort()).toEqual(Object.keys(def.states).sort());
    const shuffled = { ...def, states: Object.fromEntries(Object.entries(def.states).reverse()) };
    expect(stateOrder(shuffled)).toEqual(order);
  });
});
