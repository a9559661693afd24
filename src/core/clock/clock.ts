import { Injectable } from '@nestjs/common';

/** Time is an input: services ask the clock, so tests pin it and a computation can be replayed. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
  today(): string {
    return new Date(this.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
