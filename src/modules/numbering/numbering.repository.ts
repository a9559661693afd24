import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The SQL of numbering: the per-agency, per-year counter. */
@Injectable()
export class NumberingRepository {
  /**
   * Moves an agency's counter for a year by `count` in one statement (the row is locked until the transaction ends,
   * so concurrent issuers queue) and returns the last number now taken.
   */
  async advance(em: EntityManager, agencyId: string, year: number, count: number): Promise<number> {
    const [{ last }] = await em.query<{ last: number }[]>(
      `INSERT INTO number_counters (agency_id, year, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = number_counters.last_number + $3
       RETURNING last_number AS last`,
      [agencyId, year, count],
    );
    return last;
  }
}
