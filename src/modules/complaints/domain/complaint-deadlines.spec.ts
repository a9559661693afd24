import { describe, expect, it } from '@jest/globals';
import { COMPLAINT_RULES } from '../../../../seeds/complaint-rules.js';
import type { RestDays } from '../../calendar/domain/calendar.js';
import { type ComplaintClock, complaintDeadlines, limitationEnd, ruleOn } from './complaint-deadlines.js';

// 2026: Quốc khánh 1–2/9 (Tuesday, Wednesday); 30/4 and 1/5 (Thursday, Friday).
const rest: RestDays = { holidays: new Set(['2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']) };
const clock = (c: Partial<ComplaintClock>): ComplaintClock => ({
  kind: 'complaint',
  state: 'RECEIVED',
  level: 1,
  complex: false,
  remote: false,
  levelReceivedOn: '2026-07-02',
  acceptedOn: null,
  decidedOn: null,
  suspendedDays: 0,
  ...c,
});
const deadlines = (c: Partial<ComplaintClock>) => {
  const full = clock(c);
  return complaintDeadlines(full, ruleOn(COMPLAINT_RULES, full.kind, full.levelReceivedOn)!, rest);
};

describe('the rule in force on the day a level starts', () => {
  it.each([
    ['2012-07-01', 'complaint', '2012-07-01'],
    ['2026-06-30', 'complaint', '2012-07-01'],
    ['2026-07-01', 'complaint', '2026-07-01'],
    ['2026-07-02', 'denunciation', '2019-01-01'],
  ] as const)('received %s, %s → rule of %s', (on, kind, from) => {
    expect(ruleOn(COMPLAINT_RULES, kind, on)?.effectiveFrom).toBe(from);
  });
  it('none before the law took effect', () => expect(ruleOn(COMPLAINT_RULES, 'complaint', '2012-06-30')).toBeNull());
});

describe('acceptance (thụ lý)', () => {
  it.each([
    // Luật Khiếu nại 2011 Đ27: 10 calendar days; 20/6/2026 + 10 = 30/6 (Tuesday).
    ['2026-06-20', '2026-06-30'],
    // 10 calendar days ending on Sunday 28/6 move to Monday 29/6.
    ['2026-06-18', '2026-06-29'],
    // NĐ 155/2026 from 1/7/2026: 7 working days; received Thursday 2/7 → Fri 3, Mon 6 … Mon 13 (the weekends skipped).
    ['2026-07-02', '2026-07-13'],
    // Received Friday 28/8: Mon 31/8, then 1–2/9 are Quốc khánh, Thu 3, Fri 4, Mon 7, Tue 8, Wed 9, Thu 10.
    ['2026-08-28', '2026-09-10'],
  ])('received %s → due %s', (received, due) => {
    expect(deadlines({ levelReceivedOn: received }).acceptanceDue).toBe(due);
  });
});

describe('second-level acceptance (Đ36)', () => {
  it('keeps 10 calendar days under the 2026 rule: appealed Thursday 20/8 → Sunday 30/8 → Monday 31/8', () => {
    expect(deadlines({ level: 2, state: 'APPEALED_L2', levelReceivedOn: '2026-08-20' })).toMatchObject({
      acceptanceDue: '2026-08-31',
      next: { kind: 'acceptance', dueOn: '2026-08-31' },
    });
  });
});

describe('resolution (Đ28 first level, Đ37 second level), from acceptance', () => {
  it.each([
    [1, false, false, '2026-08-05'], // 30 days
    [1, true, false, '2026-08-20'], // complex: 45
    [1, false, true, '2026-08-20'], // remote commune: 45
    [1, true, true, '2026-09-04'], // remote and complex: 60
    [2, false, false, '2026-08-20'], // 45
    [2, true, false, '2026-09-04'], // 60
    [2, false, true, '2026-09-04'], // remote: 60
    [2, true, true, '2026-09-14'], // remote and complex: 70
  ] as const)('level %i, complex %s, remote %s → %s', (level, complex, remote, due) => {
    const dl = deadlines({ level, complex, remote, state: 'VERIFYING', acceptedOn: '2026-07-06' });
    expect(dl.resolutionDue).toBe(due);
    expect(dl.next).toEqual({ kind: 'resolution', dueOn: due });
  });

  it('time suspended does not count: 12 days suspended push 5/8 to 17/8', () => {
    expect(deadlines({ state: 'VERIFYING', acceptedOn: '2026-07-06', suspendedDays: 12 }).resolutionDue).toBe(
      '2026-08-17',
    );
  });

  it('a denunciation has no second level, appeal or limitation period', () => {
    const rule = ruleOn(COMPLAINT_RULES, 'denunciation', '2026-07-02')!;
    const dl = complaintDeadlines(
      clock({ kind: 'denunciation', state: 'DECIDED_L1', acceptedOn: '2026-07-06', decidedOn: '2026-07-20' }),
      rule,
      rest,
    );
    expect(dl.appealUntil).toBeNull();
    expect(dl.next).toBeNull();
    expect(limitationEnd('2026-07-01', rule, { holidays: new Set() })).toBeNull();
  });
});

describe('appeal window and finality (Đ33, Đ44)', () => {
  it.each([
    [1, false, '2026-08-19'], // 30 days after 20/7
    [1, true, '2026-09-03'], // remote: 45 days → 3/9 (Thursday, after the holiday)
    [2, false, '2026-08-19'],
    [2, true, '2026-09-03'],
  ] as const)('level %i decision of 20/7/2026, remote %s → appeal until %s', (level, remote, until) => {
    expect(
      deadlines({
        level,
        remote,
        state: level === 1 ? 'DECIDED_L1' : 'DECIDED_L2',
        acceptedOn: '2026-07-06',
        decidedOn: '2026-07-20',
      }).appealUntil,
    ).toBe(until);
  });

  it('without a decision, the appeal window runs from the lapsed resolution deadline: 5/8 + 30 = 4/9', () => {
    const dl = deadlines({ state: 'VERIFYING', acceptedOn: '2026-07-06' });
    expect([dl.resolutionDue, dl.appealUntil, dl.lapsedAppealUntil]).toEqual(['2026-08-05', null, '2026-09-04']);
  });

  it('thời hiệu: 90 days from receiving the decision; ending on a rest day, on the next working day', () => {
    const rule = ruleOn(COMPLAINT_RULES, 'complaint', '2026-07-02')!;
    const none = { holidays: new Set<string>() };
    expect(limitationEnd('2026-04-01', rule, none)).toBe('2026-06-30'); // a Tuesday
    expect(limitationEnd('2026-04-06', rule, none)).toBe('2026-07-06'); // 05/07 is a Sunday
  });
});
