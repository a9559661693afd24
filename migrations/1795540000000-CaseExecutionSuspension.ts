import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision suspending the execution because of a complaint (Luật Khiếu nại 2011 Đ35) is a fact of the case: the
 * case refuses both the enforcement decision and the enforcement act while it holds, whichever module acts. Set by
 * the complaints service (the first complaint of the case whose execution is suspended), filled here from the
 * complaints recorded so far.
 */
export class CaseExecutionSuspension1795540000000 implements MigrationInterface {
  name = 'CaseExecutionSuspension1795540000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "execution_suspended_by" character varying(400)`);
    await q.query(`UPDATE cases c SET execution_suspended_by = s.by FROM (
      SELECT DISTINCT ON (case_id) case_id, 'quyết định ' || execution_suspension_ref || ' (đơn ' || code || ')' AS by
      FROM complaints WHERE execution_suspended AND case_id IS NOT NULL ORDER BY case_id, received_on, code) s
      WHERE s.case_id = c.id`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" DROP COLUMN "execution_suspended_by"`);
  }
}
