import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * gpmb_case_input_fingerprints set-based: one pass over the cases' parcels and signed inventories instead of two
 * subqueries per case (the staleness check of a 5,000-household draft runs on every look at it; measured with
 * `npm run bench -- plans`, docs/bench-plans.md). The parcels' part is spelled differently, so drafts computed before
 * show as stale once, until recomputed.
 */
export class FingerprintSetBased1795564000000 implements MigrationInterface {
  name = 'FingerprintSetBased1795564000000';

  public async up(q: QueryRunner): Promise<void> {
    // Set-based (one pass over the cases' parcels and signed inventories, not two subqueries per case), and each
    // parcel as a row of its columns rather than a JSON document (test/integration/database.spec.ts checks that every
    // column of parcels but its timestamps and version is listed).
    await q.query(`CREATE OR REPLACE FUNCTION gpmb_case_input_fingerprints(ids uuid[])
RETURNS TABLE (case_id uuid, fingerprint text) LANGUAGE sql STABLE AS $$
  WITH ps AS (
    SELECT p.case_id, string_agg(
      (p.id, p.project_id, p.commune_id, p.map_sheet, p.parcel_number, p.land_type_code, p.legal_area, p.measured_area,
       p.recovered_area, p.land_uses, p.position, p.origin, p.eligible, p.certificate_number)::text, ',' ORDER BY p.id) AS s
    FROM parcels p WHERE p.case_id = ANY($1) GROUP BY p.case_id
  ), inv AS (
    SELECT i.case_id, string_agg(i.id::text, ',' ORDER BY i.id) AS s
    FROM inventories i WHERE i.case_id = ANY($1) AND i.status = 'signed' GROUP BY i.case_id
  )
  SELECT c.id, md5(concat_ws('|',
    c.commune_id::text, c.land_user_id::text, c.pricing_facts::text,
    lu.kind, jsonb_array_length(lu.members)::text, lu.directly_farming::text, coalesce(lu.household_size::text, '-'),
    ps.s, inv.s))
  FROM cases c JOIN land_users lu ON lu.id = c.land_user_id
  LEFT JOIN ps ON ps.case_id = c.id LEFT JOIN inv ON inv.case_id = c.id
  WHERE c.id = ANY($1)
$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
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
}
