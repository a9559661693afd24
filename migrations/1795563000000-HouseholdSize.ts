import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Số nhân khẩu as declared (issue 18 §5): an imported household comes with its size but no member list; the size
 * then drives the per-person support (stabilisation) instead of a blocking "missing basis". A member list, when
 * recorded, counts instead. The input fingerprint of draft plans includes it.
 */
export class HouseholdSize1795563000000 implements MigrationInterface {
  name = 'HouseholdSize1795563000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "land_users" ADD "household_size" integer`);
    await q.query(
      `ALTER TABLE "land_users" ADD CONSTRAINT "CHK_land_users_household_size" CHECK ("household_size" IS NULL OR "household_size" BETWEEN 1 AND 100)`,
    );
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_input_fingerprints(ids uuid[])
RETURNS TABLE (case_id uuid, fingerprint text) LANGUAGE sql STABLE AS $$
  SELECT c.id, md5(concat_ws('|',
    c.commune_id::text, c.land_user_id::text, c.pricing_facts::text,
    lu.kind, jsonb_array_length(lu.members)::text, lu.directly_farming::text, coalesce(lu.household_size::text, '-'),
    (SELECT string_agg((to_jsonb(p) - 'created_at' - 'updated_at' - 'version')::text, ',' ORDER BY p.id)
       FROM parcels p WHERE p.case_id = c.id),
    (SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM inventories i WHERE i.case_id = c.id AND i.status = 'signed')))
  FROM cases c JOIN land_users lu ON lu.id = c.land_user_id WHERE c.id = ANY($1)
$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_input_fingerprints(ids uuid[])
RETURNS TABLE (case_id uuid, fingerprint text) LANGUAGE sql STABLE AS $$
  SELECT c.id, md5(concat_ws('|',
    c.commune_id::text, c.land_user_id::text, c.pricing_facts::text,
    lu.kind, jsonb_array_length(lu.members)::text, lu.directly_farming::text,
    (SELECT string_agg((to_jsonb(p) - 'created_at' - 'updated_at' - 'version')::text, ',' ORDER BY p.id)
       FROM parcels p WHERE p.case_id = c.id),
    (SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM inventories i WHERE i.case_id = c.id AND i.status = 'signed')))
  FROM cases c JOIN land_users lu ON lu.id = c.land_user_id WHERE c.id = ANY($1)
$$`);
    await q.query(`ALTER TABLE "land_users" DROP CONSTRAINT "CHK_land_users_household_size"`);
    await q.query(`ALTER TABLE "land_users" DROP COLUMN "household_size"`);
  }
}
