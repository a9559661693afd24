import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approved figure in force, set-based: `gpmb_figures_in_force(cases, as_of)` gives, for many cases at once, the
 * latest plan approved (by `as_of`) that holds each, and its net. `gpmb_case_plan_in_force(case, as_of)` (migration
 * ApprovedNetInForce) now reads it, so there is still one definition; a family's approved total sums it in one
 * statement instead of calling the one-case function for each of thousands of rows (recompute of one case in a
 * 5,000-case plan: 92 ms before the one definition, 150 ms with the per-row call, back to ~100 ms).
 */
export class FiguresInForce1795551000000 implements MigrationInterface {
  name = 'FiguresInForce1795551000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION gpmb_figures_in_force(case_ids uuid[], as_of date DEFAULT NULL)
RETURNS TABLE (case_id uuid, plan_id uuid, net bigint) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (pc.case_id) pc.case_id, pc.plan_id, pc.net FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
  WHERE pc.case_id = ANY($1) AND p.status IN ('APPROVED', 'PUBLISHED') AND ($2 IS NULL OR p.approved_on <= $2)
  ORDER BY pc.case_id, p.approved_on DESC, p.created_at DESC
$$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_plan_in_force(case_id uuid, as_of date DEFAULT NULL) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT f.plan_id FROM gpmb_figures_in_force(ARRAY[$1], $2) f
$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_plan_in_force(case_id uuid, as_of date DEFAULT NULL) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT p.id FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
  WHERE pc.case_id = $1 AND p.status IN ('APPROVED', 'PUBLISHED') AND ($2 IS NULL OR p.approved_on <= $2)
  ORDER BY p.approved_on DESC, p.created_at DESC LIMIT 1
$$`);
    await q.query(`DROP FUNCTION gpmb_figures_in_force(uuid[], date)`);
  }
}
