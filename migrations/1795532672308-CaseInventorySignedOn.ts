import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseInventorySignedOn1795532672308 implements MigrationInterface {
    name = 'CaseInventorySignedOn1795532672308';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cases" ADD "inventory_signed_on" date`);
        // Hand-written (reviewed): the first inventory_signed step of each case, kept by statement-level triggers on
        // the steps (one per event: transition tables allow a single event), recomputed for the cases touched.
        await queryRunner.query(`CREATE FUNCTION gpmb_refresh_inventory_signed(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET inventory_signed_on = (SELECT min(t.occurred_on) FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'inventory_signed')
  WHERE c.id = ANY(ids)
$$`);
        await queryRunner.query(`CREATE FUNCTION gpmb_case_transitions_inventory_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_inventory_signed(ARRAY(SELECT DISTINCT case_id FROM new_rows WHERE action = 'inventory_signed'));
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE FUNCTION gpmb_case_transitions_inventory_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_inventory_signed(ARRAY(
    SELECT case_id FROM new_rows WHERE action = 'inventory_signed' UNION SELECT case_id FROM old_rows WHERE action = 'inventory_signed'));
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE FUNCTION gpmb_case_transitions_inventory_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_inventory_signed(ARRAY(SELECT DISTINCT case_id FROM old_rows WHERE action = 'inventory_signed'));
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER case_transitions_inventory_ins AFTER INSERT ON case_transitions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_case_transitions_inventory_ins()`);
        await queryRunner.query(`CREATE TRIGGER case_transitions_inventory_upd AFTER UPDATE ON case_transitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_case_transitions_inventory_upd()`);
        await queryRunner.query(`CREATE TRIGGER case_transitions_inventory_del AFTER DELETE ON case_transitions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_case_transitions_inventory_del()`);
        await queryRunner.query(`UPDATE cases c SET inventory_signed_on = s.first FROM (SELECT case_id, min(occurred_on) AS first FROM case_transitions WHERE action = 'inventory_signed' GROUP BY case_id) s WHERE s.case_id = c.id`);
        // Progress reads the date from its covering index.
        await queryRunner.query(`DROP INDEX "public"."cases_progress"`);
        await queryRunner.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "state", "land_user_id", "notice_delivered_on", "inventory_signed_on", "recovered_area")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."cases_progress"`);
        await queryRunner.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "state", "land_user_id", "notice_delivered_on", "recovered_area")`);
        await queryRunner.query(`DROP TRIGGER case_transitions_inventory_del ON case_transitions`);
        await queryRunner.query(`DROP TRIGGER case_transitions_inventory_upd ON case_transitions`);
        await queryRunner.query(`DROP TRIGGER case_transitions_inventory_ins ON case_transitions`);
        await queryRunner.query(`DROP FUNCTION gpmb_case_transitions_inventory_del()`);
        await queryRunner.query(`DROP FUNCTION gpmb_case_transitions_inventory_upd()`);
        await queryRunner.query(`DROP FUNCTION gpmb_case_transitions_inventory_ins()`);
        await queryRunner.query(`DROP FUNCTION gpmb_refresh_inventory_signed(uuid[])`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "inventory_signed_on"`);
    }
}
