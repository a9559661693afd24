import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guards for the stage dates and daily sums of ProgressCaseDates (hand-written, reviewed):
 *
 * - Concurrency: each trigger computed from its own statement's snapshot, so approving a plan while a payment for
 *   one of its cases was being recorded (two transactions, neither seeing the other) could leave `paid_on` empty for
 *   good. Every trigger now locks the cases it refreshes (in id order, no deadlock between triggers) before
 *   recomputing them in a new statement, which in READ COMMITTED sees what the other transaction committed.
 *   The payment and handover services already lock the case; plan approval now waits for them, and they for it.
 * - Draft plan lines cannot change any date (only approved plans count): a plan's draft recomputation no longer
 *   recomputes (and locks) its cases. Rows whose plan is gone (a cascade) still count.
 * - The dates rely on payments and handovers only adding up, and `handover_days` keys "no batch" as '': CHECKs make
 *   both true in the database, not only in the services.
 * - The handover date of a case whose recovered area changes is computed in a fresh snapshot (VOLATILE).
 *
 * Known limit: a single statement that both moves a case to another commune or batch and inserts handovers of that
 * case (a data-modifying CTE) would count those handovers twice; the application never does that.
 */
export class ProgressCaseDatesGuards1795537000000 implements MigrationInterface {
  name = 'ProgressCaseDatesGuards1795537000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "CHK_cases_batch_not_empty" CHECK ("batch" <> '')`);
    await q.query(`ALTER TABLE "payments" ADD CONSTRAINT "CHK_payments_amount_positive" CHECK ("amount" > 0)`);
    await q.query(`ALTER TABLE "handovers" ADD CONSTRAINT "CHK_handovers_area_positive" CHECK ("area" > 0)`);
    await q.query(`ALTER FUNCTION gpmb_case_handed_over_on(uuid, numeric) VOLATILE`);
    await q.query(`CREATE FUNCTION gpmb_lock_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM cases WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_settlement_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  -- Payments always count; a plan line counts unless its plan is a draft.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ids := ids || ARRAY(SELECT r.case_id FROM new_rows r WHERE TG_TABLE_NAME = 'payments' OR NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = r.plan_id AND p.approved_on IS NULL));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || ARRAY(SELECT r.case_id FROM old_rows r WHERE TG_TABLE_NAME = 'payments' OR NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = r.plan_id AND p.approved_on IS NULL));
  END IF;
  IF cardinality(ids) > 0 THEN
    PERFORM gpmb_lock_cases(ids);
    PERFORM gpmb_refresh_case_settlement(ids);
  END IF;
  RETURN NULL;
END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_plans_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  ids := ARRAY(SELECT pc.case_id FROM plan_cases pc WHERE pc.plan_id IN (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.approved_on IS DISTINCT FROM o.approved_on));
  IF cardinality(ids) > 0 THEN
    PERFORM gpmb_lock_cases(ids);
    PERFORM gpmb_refresh_case_settlement(ids);
  END IF;
  RETURN NULL;
END $$`);
    // The handovers trigger keeps its daily sums (set-based deltas, already safe under concurrency: ON CONFLICT)
    // and locks the cases before their dates are recomputed.
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_handover(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_lock_cases(ids);
  UPDATE cases c SET handed_over_on = s.handed, enforced_on = s.enforced
  FROM (
    SELECT k.id, gpmb_case_handed_over_on(k.id, cc.recovered_area) AS handed,
           (SELECT min(h.handed_over_on) FROM handovers h WHERE h.case_id = k.id AND h.enforced) AS enforced
    FROM (SELECT DISTINCT unnest(ids) AS id) k JOIN cases cc ON cc.id = k.id
  ) s
  WHERE c.id = s.id AND (c.handed_over_on IS DISTINCT FROM s.handed OR c.enforced_on IS DISTINCT FROM s.enforced);
END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_handover(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET handed_over_on = s.handed, enforced_on = s.enforced
  FROM (
    SELECT k.id, gpmb_case_handed_over_on(k.id, cc.recovered_area) AS handed,
           (SELECT min(h.handed_over_on) FROM handovers h WHERE h.case_id = k.id AND h.enforced) AS enforced
    FROM (SELECT DISTINCT unnest(ids) AS id) k JOIN cases cc ON cc.id = k.id
  ) s
  WHERE c.id = s.id AND (c.handed_over_on IS DISTINCT FROM s.handed OR c.enforced_on IS DISTINCT FROM s.enforced)
$$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_plans_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_case_settlement(ARRAY(
    SELECT pc.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN plan_cases pc ON pc.plan_id = n.id
    WHERE n.approved_on IS DISTINCT FROM o.approved_on));
  RETURN NULL;
END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_settlement_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || ARRAY(SELECT case_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || ARRAY(SELECT case_id FROM old_rows); END IF;
  PERFORM gpmb_refresh_case_settlement(ids);
  RETURN NULL;
END $$`);
    await q.query(`DROP FUNCTION gpmb_lock_cases(uuid[])`);
    await q.query(`ALTER FUNCTION gpmb_case_handed_over_on(uuid, numeric) STABLE`);
    await q.query(`ALTER TABLE "handovers" DROP CONSTRAINT "CHK_handovers_area_positive"`);
    await q.query(`ALTER TABLE "payments" DROP CONSTRAINT "CHK_payments_amount_positive"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "CHK_cases_batch_not_empty"`);
  }
}
