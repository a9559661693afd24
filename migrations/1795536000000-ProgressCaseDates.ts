import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress as of any date from the cases alone (issue 7, 200 ms for 100,000 parcels). Hand-written, reviewed twice:
 *
 * - Each case carries the first day it reached each stage that depends on other tables: `plan_approved_on` (first
 *   approval of a plan with the case), `paid_on` (first day the payments made cover the net of a plan approved by
 *   then), `first_handover_on`, `handed_over_on` (first day its handovers add up to its recovered area),
 *   `enforced_on` (first enforced handover). Each condition, once true, stays true (payments and handovers only add
 *   up, CHECKed below; more approved plans only lower the smallest net), so "stage reached as of D" is exactly
 *   "date <= D". Statement-level triggers on the source tables recompute the dates of the cases touched from scratch;
 *   a case's new recovered area recomputes its handover date before it is stored. Draft plan lines cannot change a
 *   date and are skipped (rows whose plan is gone, in a cascade, still count).
 * - `handover_days`: the area handed over per project, day, commune and batch (batch '' for none, so a case's batch is
 *   NULL or non-empty), kept by the handovers trigger and moved when a case changes commune or batch, so the area
 *   handed over by commune and batch as of a date, and the daily curve, sum a few thousand rows.
 * - Concurrency: every trigger locks the cases it refreshes (id order, the handovers trigger before booking the area)
 *   and recomputes them in a new statement, which in READ COMMITTED sees what another transaction committed: a plan
 *   approved while a payment of one of its cases is recorded cannot leave `paid_on` stale.
 * - The critical path tells the cases with no handover yet (remaining = recovered area, in order from
 *   `cases_remaining`) from those partly handed over (`first_handover_on`), whose handovers are summed index-only.
 * - No JIT compilation for this database's sessions: every statement of the application is short, and PostgreSQL's
 *   default compiles by estimated cost, which the progress statements on a 100,000-parcel project exceed (measured:
 *   +5 to +50 ms each). A database setting, so it holds behind a connection pooler; left as it is (with a notice) when
 *   the migrating role does not own the database.
 *
 * Known limit: a single statement that both moves a case to another commune or batch and inserts handovers of that
 * case (a data-modifying CTE) would count those handovers twice; the application never does that.
 */
export class ProgressCaseDates1795536000000 implements MigrationInterface {
  name = 'ProgressCaseDates1795536000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "plan_approved_on" date, ADD "paid_on" date, ADD "first_handover_on" date, ADD "handed_over_on" date, ADD "enforced_on" date`);
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "CHK_cases_batch_not_empty" CHECK ("batch" <> '')`);
    await q.query(`ALTER TABLE "payments" ADD CONSTRAINT "CHK_payments_amount_positive" CHECK ("amount" > 0)`);
    await q.query(`ALTER TABLE "handovers" ADD CONSTRAINT "CHK_handovers_area_positive" CHECK ("area" > 0)`);
    await q.query(`CREATE TABLE "handover_days" (
      "project_id" uuid NOT NULL, "handed_over_on" date NOT NULL, "commune_id" uuid NOT NULL, "batch" character varying(20) NOT NULL DEFAULT '',
      "area" numeric(18,4) NOT NULL,
      CONSTRAINT "PK_handover_days" PRIMARY KEY ("project_id", "handed_over_on", "commune_id", "batch"))`);

    await q.query(`CREATE FUNCTION gpmb_lock_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM cases WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
END $$`);
    // Plan approved and paid: the smallest net of the plans approved by a day against the payments made by that day.
    await q.query(`CREATE FUNCTION gpmb_refresh_case_settlement(ids uuid[]) RETURNS void LANGUAGE sql AS $$
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
    // Handed over: the first day the case's handovers add up to `recovered` (none while nothing is handed over).
    // VOLATILE: called from the BEFORE trigger below, it must read in a fresh snapshot.
    await q.query(`CREATE FUNCTION gpmb_case_handed_over_on(case_id uuid, recovered numeric) RETURNS date LANGUAGE sql VOLATILE AS $$
  SELECT min(s.d) FROM (
    SELECT h.handed_over_on AS d, sum(sum(h.area)) OVER (ORDER BY h.handed_over_on) AS cum FROM handovers h WHERE h.case_id = $1 GROUP BY h.handed_over_on
  ) s WHERE s.cum >= $2
$$`);
    await q.query(`CREATE FUNCTION gpmb_refresh_case_handover(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_lock_cases(ids);
  UPDATE cases c SET handed_over_on = s.handed, enforced_on = s.enforced, first_handover_on = s.first
  FROM (
    SELECT k.id, gpmb_case_handed_over_on(k.id, cc.recovered_area) AS handed,
           (SELECT min(h.handed_over_on) FROM handovers h WHERE h.case_id = k.id AND h.enforced) AS enforced,
           (SELECT min(h.handed_over_on) FROM handovers h WHERE h.case_id = k.id) AS first
    FROM (SELECT DISTINCT unnest(ids) AS id) k JOIN cases cc ON cc.id = k.id
  ) s
  WHERE c.id = s.id AND (c.handed_over_on IS DISTINCT FROM s.handed OR c.enforced_on IS DISTINCT FROM s.enforced OR c.first_handover_on IS DISTINCT FROM s.first);
END $$`);

    // One function per source table, for its three statement-level triggers (a transition table serves one event).
    // Payments always count; a plan line counts unless its plan is a draft.
    const settlementRows = (rows: 'new_rows' | 'old_rows') =>
      `SELECT r.case_id FROM ${rows} r WHERE TG_TABLE_NAME = 'payments' OR NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = r.plan_id AND p.approved_on IS NULL)`;
    await q.query(`CREATE FUNCTION gpmb_settlement_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || ARRAY(${settlementRows('new_rows')}); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || ARRAY(${settlementRows('old_rows')}); END IF;
  IF cardinality(ids) > 0 THEN
    PERFORM gpmb_lock_cases(ids);
    PERFORM gpmb_refresh_case_settlement(ids);
  END IF;
  RETURN NULL;
END $$`);
    await q.query(`CREATE FUNCTION gpmb_plans_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
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
    // Handovers: the cases locked first; the area per (project, day, commune, batch) moves by the rows added or
    // removed, days that come to nothing are dropped; the cases' dates recomputed.
    const applyDays = (rows: 'new_rows' | 'old_rows', sign: '' | '-') => `
    INSERT INTO handover_days (project_id, handed_over_on, commune_id, batch, area)
    SELECT r.project_id, r.handed_over_on, c.commune_id, coalesce(c.batch, ''), ${sign}sum(r.area) FROM ${rows} r JOIN cases c ON c.id = r.case_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (project_id, handed_over_on, commune_id, batch) DO UPDATE SET area = handover_days.area + excluded.area;
    DELETE FROM handover_days d USING (SELECT DISTINCT project_id, handed_over_on FROM ${rows}) k
    WHERE d.project_id = k.project_id AND d.handed_over_on = k.handed_over_on AND d.area = 0;`;
    await q.query(`CREATE FUNCTION gpmb_handovers_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || ARRAY(SELECT case_id FROM old_rows); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || ARRAY(SELECT case_id FROM new_rows); END IF;
  PERFORM gpmb_lock_cases(ids);
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${applyDays('old_rows', '-')}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${applyDays('new_rows', '')}
  END IF;
  PERFORM gpmb_refresh_case_handover(ids);
  RETURN NULL;
END $$`);
    for (const [table, fn] of [['payments', 'gpmb_settlement_progress_trg'], ['plan_cases', 'gpmb_settlement_progress_trg'], ['handovers', 'gpmb_handovers_progress_trg']]) {
      await q.query(`CREATE TRIGGER ${table}_progress_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_progress_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_progress_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(`CREATE TRIGGER plans_progress AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_plans_progress_trg()`);

    // A case's recovered area changes (the parcels trigger): its handover date follows before the row is stored.
    await q.query(`CREATE FUNCTION gpmb_cases_handed_over_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.handed_over_on := gpmb_case_handed_over_on(NEW.id, NEW.recovered_area);
  RETURN NEW;
END $$`);
    await q.query(`CREATE TRIGGER cases_handed_over BEFORE UPDATE OF recovered_area ON cases FOR EACH ROW
      WHEN (OLD.recovered_area IS DISTINCT FROM NEW.recovered_area) EXECUTE FUNCTION gpmb_cases_handed_over_trg()`);
    // A case moved to another commune or batch takes its handed-over area along.
    await q.query(`CREATE FUNCTION gpmb_cases_handover_cell_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO handover_days (project_id, handed_over_on, commune_id, batch, area)
  SELECT h.project_id, h.handed_over_on, x.commune_id, x.batch, sum(h.area * x.sign)
  FROM handovers h CROSS JOIN (VALUES (OLD.commune_id, coalesce(OLD.batch, ''), -1), (NEW.commune_id, coalesce(NEW.batch, ''), 1)) AS x(commune_id, batch, sign)
  WHERE h.case_id = NEW.id GROUP BY 1, 2, 3, 4
  ON CONFLICT (project_id, handed_over_on, commune_id, batch) DO UPDATE SET area = handover_days.area + excluded.area;
  DELETE FROM handover_days d USING (SELECT DISTINCT project_id, handed_over_on FROM handovers WHERE case_id = NEW.id) k
  WHERE d.project_id = k.project_id AND d.handed_over_on = k.handed_over_on AND d.area = 0;
  RETURN NULL;
END $$`);
    await q.query(`CREATE TRIGGER cases_handover_cell AFTER UPDATE OF commune_id, batch ON cases FOR EACH ROW
      WHEN (OLD.commune_id IS DISTINCT FROM NEW.commune_id OR OLD.batch IS DISTINCT FROM NEW.batch) EXECUTE FUNCTION gpmb_cases_handover_cell_trg()`);

    // The existing records, set-based.
    await q.query(`INSERT INTO handover_days (project_id, handed_over_on, commune_id, batch, area)
      SELECT h.project_id, h.handed_over_on, c.commune_id, coalesce(c.batch, ''), sum(h.area) FROM handovers h JOIN cases c ON c.id = h.case_id GROUP BY 1, 2, 3, 4 HAVING sum(h.area) <> 0`);
    await q.query(`SELECT gpmb_refresh_case_settlement(ARRAY(SELECT DISTINCT case_id FROM plan_cases UNION SELECT case_id FROM payments))`);
    await q.query(`SELECT gpmb_refresh_case_handover(ARRAY(SELECT DISTINCT case_id FROM handovers))`);

    // Progress counts a project's cases from one index (stages as dates); the critical path reads the cases by
    // recovered area, largest first, filtering on the handover dates; handovers are summed per case and day.
    await q.query(`DROP INDEX "public"."cases_progress"`);
    await q.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "notice_delivered_on", "inventory_signed_on", "plan_approved_on", "paid_on", "first_handover_on", "handed_over_on", "enforced_on", "recovered_area")`);
    await q.query(`CREATE INDEX "cases_remaining" ON "cases" ("project_id", "recovered_area" DESC, "id") INCLUDE ("first_handover_on", "handed_over_on")`);
    await q.query(`DROP INDEX "public"."IDX_d90e8b48e483c1d1ed8e89ad5b"`);
    await q.query(`DROP INDEX "public"."IDX_26ceb5a361003ba98325546256"`);
    await q.query(`CREATE INDEX "IDX_handovers_case_day" ON "handovers" ("case_id", "handed_over_on") INCLUDE ("area")`);

    await q.query(`DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'jit left on for database %: the migrating role does not own it', current_database();
END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I RESET jit', current_database());
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$`);
    await q.query(`DROP INDEX "public"."IDX_handovers_case_day"`);
    await q.query(`CREATE INDEX "IDX_26ceb5a361003ba98325546256" ON "handovers" ("case_id")`);
    await q.query(`CREATE INDEX "IDX_d90e8b48e483c1d1ed8e89ad5b" ON "handovers" ("project_id", "case_id", "handed_over_on", "area", "enforced")`);
    await q.query(`DROP INDEX "public"."cases_remaining"`);
    await q.query(`DROP INDEX "public"."cases_progress"`);
    await q.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "state", "land_user_id", "notice_delivered_on", "inventory_signed_on", "recovered_area")`);
    await q.query(`DROP TRIGGER cases_handover_cell ON cases`);
    await q.query(`DROP FUNCTION gpmb_cases_handover_cell_trg()`);
    await q.query(`DROP TRIGGER cases_handed_over ON cases`);
    await q.query(`DROP FUNCTION gpmb_cases_handed_over_trg()`);
    await q.query(`DROP TRIGGER plans_progress ON plans`);
    for (const table of ['payments', 'plan_cases', 'handovers']) {
      for (const event of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${table}_progress_${event} ON ${table}`);
    }
    await q.query(`DROP FUNCTION gpmb_handovers_progress_trg()`);
    await q.query(`DROP FUNCTION gpmb_plans_progress_trg()`);
    await q.query(`DROP FUNCTION gpmb_settlement_progress_trg()`);
    await q.query(`DROP FUNCTION gpmb_refresh_case_handover(uuid[])`);
    await q.query(`DROP FUNCTION gpmb_case_handed_over_on(uuid, numeric)`);
    await q.query(`DROP FUNCTION gpmb_refresh_case_settlement(uuid[])`);
    await q.query(`DROP FUNCTION gpmb_lock_cases(uuid[])`);
    await q.query(`DROP TABLE "handover_days"`);
    await q.query(`ALTER TABLE "handovers" DROP CONSTRAINT "CHK_handovers_area_positive"`);
    await q.query(`ALTER TABLE "payments" DROP CONSTRAINT "CHK_payments_amount_positive"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "CHK_cases_batch_not_empty"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "plan_approved_on", DROP COLUMN "paid_on", DROP COLUMN "first_handover_on", DROP COLUMN "handed_over_on", DROP COLUMN "enforced_on"`);
  }
}
