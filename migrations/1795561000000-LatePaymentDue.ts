import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The late-payment amount is owed and paid (issue 18 §4). A payment now says which part of it settles the approved
 * figure (`principal`); the rest settles the tiền chậm chi trả accrued by earlier late payments (or by this one's
 * principal). Late amounts accrue on principal only. Payments recorded before were all principal.
 *
 * `gpmb_case_paid_on` (the progress trigger's date of "paid") follows the same definition as the payments service:
 * paid from the first day since which the principal paid covers the figure in force and every late amount accrued
 * by then is paid too.
 */
export class LatePaymentDue1795561000000 implements MigrationInterface {
  name = 'LatePaymentDue1795561000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments ADD COLUMN principal bigint`);
    // Payments are append-only (RecordsProtected): the owner fills the new column with the protection off.
    await q.query(`ALTER TABLE payments DISABLE TRIGGER payments_append_only`);
    await q.query(`UPDATE payments SET principal = amount`);
    await q.query(`ALTER TABLE payments ENABLE TRIGGER payments_append_only`);
    await q.query(`ALTER TABLE payments ALTER COLUMN principal SET NOT NULL`);
    await q.query(
      `ALTER TABLE payments ADD CONSTRAINT "CHK_payments_principal_within_amount" CHECK ("principal" >= 0 AND "principal" <= "amount")`,
    );
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_paid_on(case_id uuid) RETURNS date LANGUAGE sql STABLE AS $$
  WITH days AS (
    SELECT p.approved_on AS d FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = $1 AND p.approved_on IS NOT NULL
    UNION SELECT y.paid_on FROM payments y WHERE y.case_id = $1
  ), covered AS (
    SELECT e.d, coalesce(
      (SELECT pc.net FROM plan_cases pc WHERE pc.case_id = $1 AND pc.plan_id = gpmb_case_plan_in_force($1, e.d))
        <= (SELECT coalesce(sum(y.principal), 0) FROM payments y WHERE y.case_id = $1 AND y.paid_on <= e.d)
      AND (SELECT coalesce(sum(y.late_amount), 0) <= coalesce(sum(y.amount - y.principal), 0)
             FROM payments y WHERE y.case_id = $1 AND y.paid_on <= e.d), false) AS ok
    FROM days e
  )
  SELECT min(c.d) FROM covered c WHERE c.ok AND NOT EXISTS (SELECT 1 FROM covered x WHERE x.d > c.d AND NOT x.ok)
$$`);
    await q.query(`SELECT gpmb_refresh_case_settlement(ARRAY(SELECT DISTINCT case_id FROM payments))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_paid_on(case_id uuid) RETURNS date LANGUAGE sql STABLE AS $$
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
    await q.query(`ALTER TABLE payments DROP CONSTRAINT "CHK_payments_principal_within_amount"`);
    await q.query(`ALTER TABLE payments DROP COLUMN principal`);
  }
}
