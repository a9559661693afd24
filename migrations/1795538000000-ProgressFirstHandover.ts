import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The critical path without a heuristic (hand-written, reviewed). A case not handed over by a date either had no
 * handover by then (its remaining area is its recovered area, read in order from an index) or handed over part of
 * its land (its remaining area needs its handovers). `cases.first_handover_on` tells the two apart, so the ten
 * largest remaining areas are the ten largest of: the ten largest untouched cases, and the ten largest of the partly
 * handed-over ones, whose handovers are summed from an index-only scan. On the benchmark the largest cases have
 * many parcels and are almost all partly handed over, which defeated the "largest recovered area first" walk.
 */
export class ProgressFirstHandover1795538000000 implements MigrationInterface {
  name = 'ProgressFirstHandover1795538000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "first_handover_on" date`);
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_handover(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
    await q.query(`UPDATE cases c SET first_handover_on = s.first FROM (SELECT case_id, min(handed_over_on) AS first FROM handovers GROUP BY case_id) s WHERE s.case_id = c.id`);
    await q.query(`DROP INDEX "public"."cases_remaining"`);
    await q.query(`CREATE INDEX "cases_remaining" ON "cases" ("project_id", "recovered_area" DESC, "id") INCLUDE ("first_handover_on")`);
    await q.query(`DROP INDEX "public"."cases_progress"`);
    await q.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "notice_delivered_on", "inventory_signed_on", "plan_approved_on", "paid_on", "first_handover_on", "handed_over_on", "enforced_on", "recovered_area")`);
    await q.query(`DROP INDEX "public"."IDX_handovers_case_day"`);
    await q.query(`CREATE INDEX "IDX_handovers_case_day" ON "handovers" ("case_id", "handed_over_on") INCLUDE ("area")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_handovers_case_day"`);
    await q.query(`CREATE INDEX "IDX_handovers_case_day" ON "handovers" ("case_id", "handed_over_on")`);
    await q.query(`DROP INDEX "public"."cases_progress"`);
    await q.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "notice_delivered_on", "inventory_signed_on", "plan_approved_on", "paid_on", "handed_over_on", "enforced_on", "recovered_area")`);
    await q.query(`DROP INDEX "public"."cases_remaining"`);
    await q.query(`CREATE INDEX "cases_remaining" ON "cases" ("project_id", "recovered_area" DESC, "id") INCLUDE ("handed_over_on")`);
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
    await q.query(`ALTER TABLE "cases" DROP COLUMN "first_handover_on"`);
  }
}
