import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second review of the progress triggers (hand-written, reviewed):
 *
 * - The handovers trigger locks the cases of the rows first, then books the area into `handover_days` under the
 *   case's commune and batch, then recomputes the cases' dates: a move of the case to another commune or batch
 *   committed at the same time (whose trigger also locks the case first) can no longer book the area into the old
 *   cell, and the two cannot deadlock. The handover service already locked the case; other writers now do too.
 * - The critical path filters the partly handed-over cases on both handover dates from its index.
 * - No JIT compilation for this database's sessions: every statement of the application is short (tens of
 *   milliseconds) and PostgreSQL's default compiles by estimated cost, which the progress statements on a
 *   100,000-parcel project exceed (measured: +5 to +50 ms each). A database setting, so it holds behind a connection
 *   pooler; left as it is (with a notice) when the migrating role does not own the database.
 */
export class ProgressHandoverLocks1795539000000 implements MigrationInterface {
  name = 'ProgressHandoverLocks1795539000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(handoversTrigger(true));
    await q.query(`DROP INDEX "public"."cases_remaining"`);
    await q.query(`CREATE INDEX "cases_remaining" ON "cases" ("project_id", "recovered_area" DESC, "id") INCLUDE ("first_handover_on", "handed_over_on")`);
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
    await q.query(`DROP INDEX "public"."cases_remaining"`);
    await q.query(`CREATE INDEX "cases_remaining" ON "cases" ("project_id", "recovered_area" DESC, "id") INCLUDE ("first_handover_on")`);
    await q.query(handoversTrigger(false));
  }
}

/** The handovers trigger function, with the cases locked first (`lockFirst`) or as ProgressCaseDates left it. */
function handoversTrigger(lockFirst: boolean): string {
  const applyDays = (rows: 'new_rows' | 'old_rows', sign: '' | '-') => `
    INSERT INTO handover_days (project_id, handed_over_on, commune_id, batch, area)
    SELECT r.project_id, r.handed_over_on, c.commune_id, coalesce(c.batch, ''), ${sign}sum(r.area) FROM ${rows} r JOIN cases c ON c.id = r.case_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (project_id, handed_over_on, commune_id, batch) DO UPDATE SET area = handover_days.area + excluded.area;
    DELETE FROM handover_days d USING (SELECT DISTINCT project_id, handed_over_on FROM ${rows}) k
    WHERE d.project_id = k.project_id AND d.handed_over_on = k.handed_over_on AND d.area = 0;`;
  return `CREATE OR REPLACE FUNCTION gpmb_handovers_progress_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || ARRAY(SELECT case_id FROM old_rows); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || ARRAY(SELECT case_id FROM new_rows); END IF;
  ${lockFirst ? 'PERFORM gpmb_lock_cases(ids);' : ''}
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${applyDays('old_rows', '-')}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${applyDays('new_rows', '')}
  END IF;
  PERFORM gpmb_refresh_case_handover(ids);
  RETURN NULL;
END $$`;
}
