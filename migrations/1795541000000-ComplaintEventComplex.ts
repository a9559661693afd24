import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The acceptance step records whether the complaint was found complex, so that a complaint's state and deadlines as
 * of a past date can be replayed from its steps (the quarterly report's figures do not change when it is rendered
 * again later). Existing acceptances of the current level take the complaint's flag; earlier levels' were not kept
 * (an appeal resets it) and count as not complex.
 */
export class ComplaintEventComplex1795541000000 implements MigrationInterface {
  name = 'ComplaintEventComplex1795541000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaint_events" ADD "complex" boolean`);
    await q.query(`UPDATE complaint_events e SET complex = (e.level = c.level AND c.complex) FROM complaints c WHERE c.id = e.complaint_id AND e.action = 'accept'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaint_events" DROP COLUMN "complex"`);
  }
}
