import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseRecoveredArea1795525988518 implements MigrationInterface {
    name = 'CaseRecoveredArea1795525988518';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cases" ADD "recovered_area" numeric(16,4) NOT NULL DEFAULT '0'`);
        // The parcels trigger that keeps search_text also keeps the case's recovered area (hand-written, reviewed).
        await queryRunner.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET search_text = concat_ws(' ', gpmb_search_key(lu.full_name), lu.cccd,
      (SELECT string_agg(p.parcel_number, ' ' ORDER BY p.parcel_number) FROM parcels p WHERE p.case_id = c.id)),
    poor_household = lu.poor_household, policy_family = lu.policy_family, directly_farming = lu.directly_farming,
    recovered_area = (SELECT coalesce(sum(p.recovered_area), 0) FROM parcels p WHERE p.case_id = c.id)
  FROM land_users lu WHERE lu.id = c.land_user_id AND c.id = ANY(ids)
$$`);
        await queryRunner.query(`DROP TRIGGER parcels_search ON parcels`);
        await queryRunner.query(`CREATE TRIGGER parcels_search AFTER INSERT OR DELETE OR UPDATE OF parcel_number, case_id, recovered_area ON parcels FOR EACH ROW EXECUTE FUNCTION gpmb_parcels_search_trg()`);
        await queryRunner.query(`CREATE INDEX "cases_progress" ON "cases" ("project_id", "id") INCLUDE ("commune_id", "batch", "state", "land_user_id", "notice_delivered_on", "recovered_area")`);
        await queryRunner.query(`UPDATE cases c SET recovered_area = s.area FROM (SELECT case_id, sum(recovered_area) AS area FROM parcels GROUP BY case_id) s WHERE s.case_id = c.id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."cases_progress"`);
        await queryRunner.query(`DROP TRIGGER parcels_search ON parcels`);
        await queryRunner.query(`CREATE TRIGGER parcels_search AFTER INSERT OR DELETE OR UPDATE OF parcel_number, case_id ON parcels FOR EACH ROW EXECUTE FUNCTION gpmb_parcels_search_trg()`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET search_text = concat_ws(' ', gpmb_search_key(lu.full_name), lu.cccd,
      (SELECT string_agg(p.parcel_number, ' ' ORDER BY p.parcel_number) FROM parcels p WHERE p.case_id = c.id)),
    poor_household = lu.poor_household, policy_family = lu.policy_family, directly_farming = lu.directly_farming
  FROM land_users lu WHERE lu.id = c.land_user_id AND c.id = ANY(ids)
$$`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "recovered_area"`);
    }
}
