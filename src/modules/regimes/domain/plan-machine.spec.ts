import { describe, expect, it } from '@jest/globals';
import { LS_1019_2258_PLAN_MACHINE as def } from '../../../../seeds/regimes/ls-1019-2258.js';
import { decidePlanAction, type PlanFacts, planNextSteps } from './plan-machine.js';

const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  postedOn: null,
  blockingFindings: 0,
  notices: [],
  agreedSections: [],
  disagreements: 0,
  openDisagreements: 0,
  rest: { holidays: new Set() },
  pricing: pricing(),
  ...over,
});
/** Priced with book BG (in force from 2024 on, province-wide) as of 01/03/2024, in one commune. */
function pricing(over: Partial<PlanFacts['pricing']> = {}): PlanFacts['pricing'] {
  return {
    valuationDate: '2024-03-01',
    book: { id: 'bg', code: 'BG' },
    decidedOn: null,
    communes: [{ code: 'HT', name: 'Hợp Thành', kind: 'xã' }],
    books: [{ id: 'bg', code: 'BG', effectiveFrom: '2024-01-01', effectiveTo: null, communeCodes: [] }],
    agedStructures: false,
    ...over,
  };
}
const step = (state: string, action: string, f: PlanFacts, role = 'center_lead', last: string | null = null) =>
  planNextSteps(def, { state, role, lastOccurredOn: last, today: '2024-06-01', facts: f }).find(
    (s) => s.action === action,
  )!;

describe('every plan period ends on a working day (BLDS 2015 Đ148; issue 18 §7)', () => {
  const holidays = { holidays: new Set(['2024-04-30', '2024-05-01']) };
  const approvable = (notice: { on: string; nonAgricultural: boolean }) =>
    facts({
      agreedSections: Object.keys(def.sections),
      notices: [{ caseId: 'a', name: 'Hộ A', noticeDeliveredOn: notice.on, nonAgricultural: notice.nonAgricultural }],
      rest: holidays,
    });
  it.each([
    [
      'posting 20 days, ending on a Sunday',
      'POSTED',
      'close_posting',
      facts({ postedOn: '2024-03-04', rest: holidays }),
      '2024-03-25',
    ],
    [
      'notice 90 days, ending on two holidays',
      'APPRAISED',
      'approve',
      approvable({ on: '2024-01-31', nonAgricultural: false }),
      '2024-05-02',
    ],
    [
      'notice 180 days, ending on a Saturday',
      'APPRAISED',
      'approve',
      approvable({ on: '2024-01-08', nonAgricultural: true }),
      '2024-07-08',
    ],
    [
      'notice 90 days, ending on a working day',
      'APPRAISED',
      'approve',
      approvable({ on: '2024-01-10', nonAgricultural: false }),
      '2024-04-09',
    ],
  ])('%s: from %s', (_name, state, action, f, earliest) => {
    const role = action === 'approve' ? 'district_leader' : 'center_lead';
    expect(step(state, action, f, role).earliestOn).toBe(earliest);
    const on = (occurredOn: string) =>
      decidePlanAction(def, { state, action, role, occurredOn, lastOccurredOn: null, outcome: 'agree', facts: f }).ok;
    const before = new Date(`${earliest}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    expect([on(before.toISOString().slice(0, 10)), on(earliest)]).toEqual([false, true]);
  });
});

describe('refusals say what would be right (issue 18 §14)', () => {
  it('an unknown action lists the valid ones; a role refusal names the roles that take the step', () => {
    const unknown = decidePlanAction(def, {
      state: 'DRAFT',
      action: 'approve_now',
      role: 'center_lead',
      occurredOn: '2024-06-01',
      lastOccurredOn: null,
      facts: facts(),
    });
    expect(unknown).toMatchObject({
      ok: false,
      code: 'PLAN.UNKNOWN_ACTION',
      details: { field: 'action', allowed: expect.arrayContaining(['submit_review', 'approve', 'publish']) },
    });
    expect(!unknown.ok && unknown.message).toContain('submit_review (Trình rà soát nội bộ)');
    const role = decidePlanAction(def, {
      state: 'APPRAISED',
      action: 'approve',
      role: 'center_lead',
      occurredOn: '2024-06-01',
      lastOccurredOn: null,
      facts: facts(),
    });
    expect(role).toMatchObject({ ok: false, code: 'PLAN.ROLE_NOT_ALLOWED' });
    expect(!role.ok && role.message).toContain('bước này do Lãnh đạo UBND huyện thực hiện');
  });
});

describe('plan next steps (the same rules as decidePlanAction)', () => {
  it('closes the posting from the first day the 20-day period allows, and not a day before', () => {
    // Posted Mon 04/03/2024: the 20 days end on Sunday 24/03, so on Monday 25/03 (BLDS 2015 Đ148; issue 18 §7).
    const f = facts({ postedOn: '2024-03-04' });
    const close = step('POSTED', 'close_posting', f, 'center_staff', '2024-03-04');
    expect(close).toMatchObject({ earliestOn: '2024-03-25', blockedBy: null, roles: ['center_staff', 'center_lead'] });
    const decide = (occurredOn: string) =>
      decidePlanAction(def, {
        state: 'POSTED',
        action: 'close_posting',
        role: 'center_staff',
        occurredOn,
        lastOccurredOn: '2024-03-04',
        facts: f,
      }).ok;
    expect(decide(close.earliestOn!)).toBe(true);
    expect(decide('2024-03-24')).toBe(false);
    expect(
      decidePlanAction(def, {
        state: 'POSTED',
        action: 'close_posting',
        role: 'center_staff',
        occurredOn: '2024-03-24',
        lastOccurredOn: '2024-03-04',
        facts: f,
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('sớm nhất ngày 25/03/2024') });
  });

  it('dates the approval after the longest notice period of its households (90 days farmland, 180 otherwise)', () => {
    const f = facts({
      agreedSections: Object.keys(def.sections),
      notices: [
        { caseId: 'a', name: 'Hộ A', noticeDeliveredOn: '2024-01-10', nonAgricultural: false },
        { caseId: 'b', name: 'Hộ B', noticeDeliveredOn: '2024-01-05', nonAgricultural: true },
      ],
    });
    expect(step('APPRAISED', 'approve', f, 'district_leader', '2024-03-01')).toMatchObject({
      earliestOn: '2024-07-03', // 05/01 + 180 days
      blockedBy: null,
    });
  });

  it.each([
    ['a blocking finding', 'DRAFT', 'submit_review', facts({ blockingFindings: 2 }), 'PLAN.BLOCKING_FINDINGS'],
    ['a section that has not agreed', 'APPRAISED', 'approve', facts(), 'PLAN.APPRAISAL_INCOMPLETE'],
    [
      'a household without its notice',
      'APPRAISED',
      'approve',
      facts({
        agreedSections: Object.keys(def.sections),
        notices: [{ caseId: 'a', name: 'Hộ A', noticeDeliveredOn: null, nonAgricultural: false }],
      }),
      'PLAN.NOTICE_PERIOD_NOT_OVER',
    ],
    ['no disagreement to talk over', 'CONSULTED', 'start_dialogue', facts(), 'PLAN.NO_DISAGREEMENT'],
  ])('says what blocks a step: %s', (_name, state, action, f, code) => {
    const s = step(state, action, f);
    expect(s.blockedCode).toBe(code);
    expect(s.blockedBy).toBeTruthy();
  });

  it('takes one opinion per office: an office that agreed is told so, the others are still offered the step', () => {
    const f = facts({ agreedSections: ['land'] });
    expect(step('IN_APPRAISAL', 'appraise', f, 'land_office')).toMatchObject({
      blockedCode: 'PLAN.APPRAISAL_ALREADY_GIVEN',
      blockedBy: expect.stringContaining('Phòng Tài nguyên và Môi trường'),
    });
    expect(step('IN_APPRAISAL', 'appraise', f, 'agriculture_office')).toMatchObject({ blockedBy: null });
    const decide = (outcome: 'agree' | 'return') =>
      decidePlanAction(def, {
        state: 'IN_APPRAISAL',
        action: 'appraise',
        role: 'land_office',
        occurredOn: '2024-04-10',
        lastOccurredOn: '2024-04-08',
        outcome,
        facts: f,
      });
    expect(decide('agree')).toMatchObject({ ok: false, code: 'PLAN.APPRAISAL_ALREADY_GIVEN' });
    expect(decide('return')).toMatchObject({ ok: true, to: 'DRAFT' });
  });

  it('offers only the steps leaving the current state', () => {
    expect(
      planNextSteps(def, {
        state: 'INTERNAL_REVIEW',
        role: 'center_lead',
        lastOccurredOn: null,
        today: '2024-06-01',
        facts: facts(),
      })
        .map((s) => s.action)
        .sort(),
    ).toEqual(['post', 'return_to_draft']);
  });
});

describe('the land is priced at the recovery decision (LĐĐ 2013 Đ74 k2; issue 18 §10)', () => {
  const later = { id: 'bg2', code: 'BG-2', effectiveFrom: '2024-04-01', effectiveTo: null, communeCodes: ['HT'] };
  const approve = (p: PlanFacts['pricing'], occurredOn = '2024-04-09') =>
    decidePlanAction(def, {
      state: 'APPRAISED',
      action: 'approve',
      role: 'district_leader',
      occurredOn,
      lastOccurredOn: null,
      facts: facts({ agreedSections: Object.keys(def.sections), pricing: p }),
    });
  it.each([
    ['the same book in force on both days, no structure valued by age', pricing(), null],
    [
      'a book for the commune from 01/04',
      pricing({ books: [...pricing().books, later] }),
      { communes: [{ communeCode: 'HT', communeName: 'xã Hợp Thành', inForce: 'BG-2' }], agedStructures: false },
    ],
    [
      "the plan's book ended on 31/03, no other",
      pricing({ books: [{ ...pricing().books[0], effectiveTo: '2024-03-31' }] }),
      { communes: [{ communeCode: 'HT', communeName: 'xã Hợp Thành', inForce: null }], agedStructures: false },
    ],
    ['a structure valued by its age, in the same year', pricing({ agedStructures: true }), null],
    [
      'a structure valued by its age, priced in the year before',
      pricing({ agedStructures: true, valuationDate: '2023-12-20' }),
      { communes: [], agedStructures: true },
    ],
  ])('%s', (_, p, refused) => {
    const d = approve(p);
    if (!refused) return expect(d).toEqual({ ok: true, to: 'APPROVED' });
    expect(d).toMatchObject({
      ok: false,
      kind: 'conflict',
      code: 'PLAN.PRICED_AT_ANOTHER_DATE',
      details: { field: 'occurredOn', decidedOn: '2024-04-09', valuationDate: p.valuationDate, ...refused },
    });
    if (d.ok) return;
    expect(d.message).toContain('khoản 2 Điều 74 Luật Đất đai 2013');
    expect(d.message).toContain('ngày 09/04/2024');
    expect(d.message).toContain('Trả lại phương án để tính lại');
  });

  it("prices an adjusted plan at its parent's recovery decisions, not at its own approval", () => {
    const p = pricing({ books: [...pricing().books, later], decidedOn: '2024-03-15' });
    expect(approve(p, '2024-06-01')).toEqual({ ok: true, to: 'APPROVED' });
    expect(approve({ ...p, decidedOn: '2024-05-01' }, '2024-06-01')).toMatchObject({
      ok: false,
      details: { decidedOn: '2024-05-01' },
    });
  });

  it('shows the step blocked when the book in force today is another, with the reason', () => {
    const f = facts({
      agreedSections: Object.keys(def.sections),
      pricing: pricing({ books: [...pricing().books, later] }),
    });
    expect(step('APPRAISED', 'approve', f, 'district_leader')).toMatchObject({
      blockedCode: 'PLAN.PRICED_AT_ANOTHER_DATE',
      blockedBy: expect.stringContaining('xã Hợp Thành áp dụng bảng giá BG-2'),
    });
  });

  it('lets only the district leader send an appraised plan back to draft', () => {
    const send = (role: string) =>
      decidePlanAction(def, {
        state: 'APPRAISED',
        action: 'send_back',
        role,
        occurredOn: '2024-04-09',
        lastOccurredOn: null,
        facts: facts(),
      });
    expect(send('district_leader')).toEqual({ ok: true, to: 'DRAFT' });
    expect(send('center_lead')).toMatchObject({ ok: false, code: 'PLAN.ROLE_NOT_ALLOWED' });
  });
});
