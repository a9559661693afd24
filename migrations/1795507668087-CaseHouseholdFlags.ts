import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseHouseholdFlags1795507668087 implements MigrationInterface {
    name = 'CaseHouseholdFlags1795507668087';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cases" ADD "poor_household" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "policy_family" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "directly_farming" boolean NOT NULL DEFAULT false`);
        // Hand-written: the refresh that keeps search_text also copies the land user's flags, so the case list can
        // filter on them without joining land_users (p95 63 ms → see docs/bench-cases.md).
        await queryRunner.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET search_text = concat_ws(' ', gpmb_search_key(lu.full_name), lu.cccd,
      (SELECT string_agg(p.parcel_number, ' ' ORDER BY p.parcel_number) FROM parcels p WHERE p.case_id = c.id)),
    poor_household = lu.poor_household, policy_family = lu.policy_family, directly_farming = lu.directly_farming
  FROM land_users lu WHERE lu.id = c.land_user_id AND c.id = ANY(ids)
$$`);
        await queryRunner.query(`DROP TRIGGER land_users_search ON land_users`);
        await queryRunner.query(`CREATE TRIGGER land_users_search AFTER UPDATE OF full_name, cccd, poor_household, policy_family, directly_farming ON land_users FOR EACH ROW EXECUTE FUNCTION gpmb_land_users_search_trg()`);
        await queryRunner.query(`UPDATE cases c SET poor_household = lu.poor_household, policy_family = lu.policy_family, directly_farming = lu.directly_farming FROM land_users lu WHERE lu.id = c.land_user_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER land_users_search ON land_users`);
        await queryRunner.query(`CREATE TRIGGER land_users_search AFTER UPDATE OF full_name, cccd ON land_users FOR EACH ROW EXECUTE FUNCTION gpmb_land_users_search_trg()`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION gpmb_refresh_case_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET search_text = concat_ws(' ', gpmb_search_key(lu.full_name), lu.cccd,
    (SELECT string_agg(p.parcel_number, ' ' ORDER BY p.parcel_number) FROM parcels p WHERE p.case_id = c.id))
  FROM land_users lu WHERE lu.id = c.land_user_id AND c.id = ANY(ids)
$$`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "directly_farming"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "policy_family"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "poor_household"`);
    }
}
