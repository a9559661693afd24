import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of "the case's approved figure in force" (issue 15, issue 18 §3), used by payments, handover,
 * documents (PlansRepository.latestApproved) and by the progress trigger that dates `cases.paid_on`:
 *
 * - `gpmb_case_plan_in_force(case, as_of)`: the latest plan approved (by `as_of`, when given) that holds the case —
 *   an adjustment or a supplementary plan approved later replaces its parent's figure.
 * - `cases.paid_on`: payments settle a case against that figure, so the case counts as paid from the first day since
 *   which its payments have covered the figure in force without a break. Before, the trigger compared payments with
 *   the *smallest* net ever approved, so after an upward adjustment progress counted a household paid that payments
 *   still owed money to. Known limit: an as-of date inside an earlier paid period that an upward adjustment then
 *   reopened counts the case as not paid (the day it was paid again is the one kept).
 */
export class ApprovedNetInForce1795550000000 implements MigrationInterface {
  name = 'ApprovedNetInForce1795550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION gpmb_case_plan_in_force(case_id uuid, as_of date DEFAULT NULL) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT p.id FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
  WHERE pc.case_id = $1 AND p.status IN ('APPROVED', 'PUBLISHED') AND ($2 IS NULL OR p.approved_on <= $2)
  ORDER BY p.approved_on DESC, p.created_at DESC LIMIT 1
$$`);
    await q.query(`CREATE FUNCTION gpmb_case_paid_on(case_id uuid) RETURNS date LANGUAGE sql STABLE AS $$
  WITH days AS (
    SELECT p.approved_on AS d FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = $1 AND p.approved_on IS NOT NULL
    UNION SELECT y.paid_on FROM payments y WHERE y.case_id = $1
  ), covered AS (
    SELECT e.d, coalesce((SELECT pc.net FROM plan_cases pc WHERE pc.case_id = $1 AND pc.plan_id = gpmb_case_plan_in_force($1, e.d))
                         <= (SELECT coalesce(sum(y.amount), 0) FROM payments y WHERE y.case_id = $1 AND y.paid_on <= e.d), false) AS ok
    FROM days e
  )
  SELECT min(c.d) FROM covered c WHERE c.ok AND NOT EXISTS (SELECT 1 FROM covered x WHERE x.d > c.d AND NOT x.ok)
$$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_settlement(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET plan_approved_on = s.approved, paid_on = s.paid
  FROM (
    SELECT k.id,
      (SELECT min(p.approved_on) FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = k.id) AS approved,
      gpmb_case_paid_on(k.id) AS paid
    FROM (SELECT DISTINCT unnest(ids) AS id) k
  ) s
  WHERE c.id = s.id AND (c.plan_approved_on IS DISTINCT FROM s.approved OR c.paid_on IS DISTINCT FROM s.paid)
$$`);
    await q.query(`SELECT gpmb_refresh_case_settlement(ARRAY(SELECT id FROM cases WHERE plan_approved_on IS NOT NULL))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_settlement(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET plan_approved_on = s.approved, paid_on = s.paid
  FROM (
    SELECT k.id,
      (SELECT min(p.approved_on) FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = k.id) AS approved,
      (SELECT min(e.d) FROM (
         SELECT p.approved_on AS d FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = k.id AND p.approved_on IS NOT NULL
         UNION SELECT y.paid_on FROM payments y WHERE y.case_id = k.id) e
       WHERE (SELECT min(pc.net) FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = k.id AND p.approved_on <= e.d)
             <= (SELECT coalesce(sum(y.amount), 0) FROM payments y WHERE y.case_id = k.id AND y.paid_on <= e.d)) AS paid
    FROM (SELECT DISTINCT unnest(ids) AS id) k
  ) s
  WHERE c.id = s.id AND (c.plan_approved_on IS DISTINCT FROM s.approved OR c.paid_on IS DISTINCT FROM s.paid)
$$`);
    await q.query(`DROP FUNCTION gpmb_case_paid_on(uuid)`);
    await q.query(`DROP FUNCTION gpmb_case_plan_in_force(uuid, date)`);
    await q.query(`SELECT gpmb_refresh_case_settlement(ARRAY(SELECT id FROM cases WHERE plan_approved_on IS NOT NULL))`);
  }
}
