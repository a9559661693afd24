import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a draft plan's case was computed from, as a fingerprint the database computes in one statement for thousands
 * of cases (issue 18 §1): the case's commune, pricing facts and land user; the land user's kind, household size and
 * farming; every parcel as stored; the signed inventory in force (its items never change once signed:
 * RecordsProtected). A draft compares the fingerprint stored at computation with today's to know which households
 * must be computed again, without reading and pricing them (a 5,000-household plan in tens of milliseconds).
 */
export class PlanInputFingerprint1795562000000 implements MigrationInterface {
  name = 'PlanInputFingerprint1795562000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_cases ADD COLUMN input_fingerprint char(32)`);
    await q.query(`CREATE FUNCTION gpmb_case_input_fingerprints(ids uuid[])
RETURNS TABLE (case_id uuid, fingerprint text) LANGUAGE sql STABLE AS $$
  SELECT c.id, md5(concat_ws('|',
    c.commune_id::text, c.land_user_id::text, c.pricing_facts::text,
    lu.kind, jsonb_array_length(lu.members)::text, lu.directly_farming::text,
    (SELECT string_agg((to_jsonb(p) - 'created_at' - 'updated_at' - 'version')::text, ',' ORDER BY p.id)
       FROM parcels p WHERE p.case_id = c.id),
    (SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM inventories i WHERE i.case_id = c.id AND i.status = 'signed')))
  FROM cases c JOIN land_users lu ON lu.id = c.land_user_id WHERE c.id = ANY($1)
$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION gpmb_case_input_fingerprints(uuid[])`);
    await q.query(`ALTER TABLE plan_cases DROP COLUMN input_fingerprint`);
  }
}
