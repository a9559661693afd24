import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The input fingerprint of every case, kept current by triggers (`case_input_fingerprints`), so the staleness check
 * of a draft plan (issue 18 §1) joins two tables instead of hashing every household's parcels and inventories on each
 * look: on a 5,000-household draft that hashing cost about 120 ms on every GET of the plan, its next steps and every
 * recompute (docs/bench-plans.md). The fingerprint is still `gpmb_case_input_fingerprints` — the same function,
 * re-run for the cases a write touched — so what counts as a changed input does not change.
 *
 * Writes that change an input refresh their cases: parcels and inventories (inserted, deleted, or a fingerprinted
 * column or the status changed), a case's commune, land user or pricing facts, a land user's kind, member count,
 * farming or declared size. A refresh first locks the cases' rows here, then computes in a fresh snapshot, so two
 * writers on one household cannot leave a fingerprint that misses the first one's change.
 */
export class CaseInputFingerprintsKept1795567000000 implements MigrationInterface {
  name = 'CaseInputFingerprintsKept1795567000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_input_fingerprints" (
      "case_id" uuid NOT NULL,
      "fingerprint" char(32) NOT NULL,
      CONSTRAINT "PK_case_input_fingerprints" PRIMARY KEY ("case_id"),
      CONSTRAINT "FK_case_input_fingerprints_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE
    )`);
    await q.query(`INSERT INTO case_input_fingerprints (case_id, fingerprint)
      SELECT case_id, fingerprint FROM gpmb_case_input_fingerprints(ARRAY(SELECT id FROM cases))`);

    await q.query(`CREATE FUNCTION gpmb_refresh_case_fingerprints(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  -- One writer per household at a time; the next statement takes a fresh snapshot that sees the writer before.
  PERFORM 1 FROM case_input_fingerprints WHERE case_id = ANY(ids) ORDER BY case_id FOR UPDATE;
  INSERT INTO case_input_fingerprints AS f (case_id, fingerprint)
    SELECT x.case_id, x.fingerprint FROM gpmb_case_input_fingerprints(ids) x
  ON CONFLICT (case_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint
    WHERE f.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint;
END $$`);

    // Statement triggers with transition tables for inserts and deletes (an import writes thousands of rows at once).
    await q.query(`CREATE FUNCTION gpmb_fingerprints_after_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT id FROM new_rows));
  -- Only signed inventories count (a draft is not an input yet).
  ELSIF TG_TABLE_NAME = 'inventories' AND TG_OP = 'INSERT' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT DISTINCT case_id FROM new_rows WHERE status = 'signed'));
  ELSIF TG_TABLE_NAME = 'inventories' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT DISTINCT case_id FROM old_rows WHERE status = 'signed'));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT DISTINCT case_id FROM new_rows));
  ELSE
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT DISTINCT case_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$`);
    for (const table of ['cases', 'parcels', 'inventories'])
      await q.query(`CREATE TRIGGER "TRG_${table}_fingerprint_insert" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_fingerprints_after_rows()`);
    for (const table of ['parcels', 'inventories'])
      await q.query(`CREATE TRIGGER "TRG_${table}_fingerprint_delete" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_fingerprints_after_rows()`);

    // Updates one row at a time, only when an input changed.
    await q.query(`CREATE FUNCTION gpmb_fingerprints_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'land_users' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY(SELECT id FROM cases WHERE land_user_id = NEW.id));
  ELSIF TG_TABLE_NAME = 'cases' THEN
    PERFORM gpmb_refresh_case_fingerprints(ARRAY[NEW.id]);
  ELSE
    PERFORM gpmb_refresh_case_fingerprints(ARRAY[OLD.case_id, NEW.case_id]);
  END IF;
  RETURN NULL;
END $$`);
    await q.query(`CREATE TRIGGER "TRG_parcels_fingerprint_update" AFTER UPDATE ON "parcels" FOR EACH ROW
      WHEN ((OLD.case_id, OLD.project_id, OLD.commune_id, OLD.map_sheet, OLD.parcel_number, OLD.land_type_code,
             OLD.legal_area, OLD.measured_area, OLD.recovered_area, OLD.land_uses, OLD.position, OLD.origin,
             OLD.eligible, OLD.certificate_number)
        IS DISTINCT FROM (NEW.case_id, NEW.project_id, NEW.commune_id, NEW.map_sheet, NEW.parcel_number,
             NEW.land_type_code, NEW.legal_area, NEW.measured_area, NEW.recovered_area, NEW.land_uses, NEW.position,
             NEW.origin, NEW.eligible, NEW.certificate_number))
      EXECUTE FUNCTION gpmb_fingerprints_after_update()`);
    await q.query(`CREATE TRIGGER "TRG_inventories_fingerprint_update" AFTER UPDATE ON "inventories" FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.case_id IS DISTINCT FROM NEW.case_id)
      EXECUTE FUNCTION gpmb_fingerprints_after_update()`);
    await q.query(`CREATE TRIGGER "TRG_cases_fingerprint_update" AFTER UPDATE ON "cases" FOR EACH ROW
      WHEN ((OLD.commune_id, OLD.land_user_id, OLD.pricing_facts)
        IS DISTINCT FROM (NEW.commune_id, NEW.land_user_id, NEW.pricing_facts))
      EXECUTE FUNCTION gpmb_fingerprints_after_update()`);
    await q.query(`CREATE TRIGGER "TRG_land_users_fingerprint_update" AFTER UPDATE ON "land_users" FOR EACH ROW
      WHEN ((OLD.kind, jsonb_array_length(OLD.members), OLD.directly_farming, OLD.household_size)
        IS DISTINCT FROM (NEW.kind, jsonb_array_length(NEW.members), NEW.directly_farming, NEW.household_size))
      EXECUTE FUNCTION gpmb_fingerprints_after_update()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, event] of [
      ['cases', 'insert'],
      ['parcels', 'insert'],
      ['inventories', 'insert'],
      ['parcels', 'delete'],
      ['inventories', 'delete'],
      ['parcels', 'update'],
      ['inventories', 'update'],
      ['cases', 'update'],
      ['land_users', 'update'],
    ])
      await q.query(`DROP TRIGGER "TRG_${table}_fingerprint_${event}" ON "${table}"`);
    await q.query(`DROP FUNCTION gpmb_fingerprints_after_update()`);
    await q.query(`DROP FUNCTION gpmb_fingerprints_after_rows()`);
    await q.query(`DROP FUNCTION gpmb_refresh_case_fingerprints(uuid[])`);
    await q.query(`DROP TABLE "case_input_fingerprints"`);
  }
}
