import { describe, expect, it } from '@jest/globals';
import { type ClockEvent, clockAsOf } from './complaint-clock.js';

// Received 02/07, accepted (complex) 06/07, suspended 10/07 → resumed 20/07 (10 days), decided 15/08, appealed 01/09,
// accepted at the second level 05/09 (not complex), decided 20/10.
const STEPS: ClockEvent[] = [
  { action: 'register', toState: 'RECEIVED', occurredOn: '2026-07-02' },
  { action: 'accept', toState: 'ACCEPTED', occurredOn: '2026-07-06', complex: true },
  { action: 'start_verification', toState: 'VERIFYING', occurredOn: '2026-07-07' },
  { action: 'suspend', toState: 'SUSPENDED', occurredOn: '2026-07-10' },
  { action: 'execution_suspended', toState: 'SUSPENDED', occurredOn: '2026-07-12' },
  { action: 'resume', toState: 'VERIFYING', occurredOn: '2026-07-20' },
  { action: 'decide', toState: 'DECIDED_L1', occurredOn: '2026-08-15' },
  { action: 'appeal', toState: 'APPEALED_L2', occurredOn: '2026-09-01' },
  { action: 'accept', toState: 'ACCEPTED', occurredOn: '2026-09-05', complex: false },
  { action: 'decide', toState: 'DECIDED_L2', occurredOn: '2026-10-20' },
];

describe('clockAsOf (a complaint as its steps left it on a date)', () => {
  it.each([
    ['2026-07-01', null],
    [
      '2026-07-02',
      {
        state: 'RECEIVED',
        level: 1,
        levelReceivedOn: '2026-07-02',
        acceptedOn: null,
        complex: false,
        suspendedDays: 0,
        suspendedSince: null,
      },
    ],
    ['2026-07-06', { state: 'ACCEPTED', acceptedOn: '2026-07-06', complex: true }],
    ['2026-07-15', { state: 'SUSPENDED', suspendedSince: '2026-07-10', suspendedDays: 0 }],
    ['2026-07-20', { state: 'VERIFYING', suspendedSince: null, suspendedDays: 10 }],
    ['2026-08-15', { state: 'DECIDED_L1', level: 1, decidedOn: '2026-08-15', complex: true, suspendedDays: 10 }],
    // The second level starts afresh: its own acceptance, no suspension carried over, its own complexity.
    [
      '2026-09-01',
      {
        state: 'APPEALED_L2',
        level: 2,
        levelReceivedOn: '2026-09-01',
        acceptedOn: null,
        decidedOn: null,
        complex: false,
        suspendedDays: 0,
      },
    ],
    ['2026-09-30', { state: 'ACCEPTED', level: 2, acceptedOn: '2026-09-05', complex: false }],
    ['2026-12-31', { state: 'DECIDED_L2', level: 2, decidedOn: '2026-10-20' }],
  ] as const)('as of %s', (asOf, expected) => {
    const clock = clockAsOf(STEPS, asOf);
    if (expected === null) expect(clock).toBeNull();
    else expect(clock).toMatchObject(expected);
  });

  it('an acceptance that does not say keeps the level as it was (not complex)', () => {
    expect(
      clockAsOf(
        [STEPS[0], { action: 'accept', toState: 'ACCEPTED', occurredOn: '2026-07-06', complex: null }],
        '2026-07-06',
      ),
    ).toMatchObject({ complex: false });
  });
});
