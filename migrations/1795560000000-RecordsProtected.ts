import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database itself refuses to rewrite history (issue 17 §4), whoever connects — the application's role cannot
 * drop or disable these triggers (it owns no table) nor skip them (session_replication_role is for superusers):
 *
 * - payments and issued numbers are append-only (the application's role has no UPDATE/DELETE on them either);
 * - an inventory is changed only while a draft; a signed one may only become superseded by its next revision; its
 *   items follow it;
 * - a plan past DRAFT keeps what it computed (money, findings, book, cases); only its procedure moves (status,
 *   posting, appraisal, approval number and date); once APPROVED or PUBLISHED only APPROVED → PUBLISHED; its lines,
 *   corrections and case rows are written only while the plan is a draft, except the case rows' consultation and
 *   recovery-decision fields, until approval;
 * - a rendered document is final (a correction is a new document that replaces it); before, only the fields that
 *   complete a render change.
 *
 * Corrections go through their own paths: a new inventory revision, a supplementary or adjusted plan, a reissued
 * document. A refusal is SQLSTATE GP409 naming the table (the API answers 409 RECORD.PROTECTED). Plan states are
 * those of the regimes' plan machines: DRAFT editable, APPROVED and PUBLISHED frozen (seeds/regimes).
 */
export class RecordsProtected1795560000000 implements MigrationInterface {
  name = 'RecordsProtected1795560000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION gpmb_refuse(tbl text, op text, why text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % refused: %', op, tbl, why USING ERRCODE = 'GP409', TABLE = tbl;
END $$`);
    await q.query(`CREATE FUNCTION gpmb_changed(o jsonb, n jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM jsonb_object_keys(n) k WHERE o -> k IS DISTINCT FROM n -> k
$$`);

    // Append-only.
    await q.query(`CREATE FUNCTION gpmb_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refuse(TG_TABLE_NAME, TG_OP, 'append-only, written once and never changed or removed');
  RETURN NULL;
END $$`);
    for (const t of ['payments', 'issued_numbers']) {
      await q.query(
        `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION gpmb_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION gpmb_append_only()`,
      );
    }

    // Inventories and their items.
    await q.query(`CREATE FUNCTION gpmb_inventories_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF OLD.status = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM gpmb_refuse('inventories', TG_OP, format('a %s inventory is kept', OLD.status));
  END IF;
  changed := gpmb_changed(to_jsonb(OLD), to_jsonb(NEW));
  IF changed = '{}' OR (OLD.status = 'signed' AND NEW.status = 'superseded'
                        AND changed <@ ARRAY['status', 'version', 'updated_at']) THEN
    RETURN NEW;
  END IF;
  PERFORM gpmb_refuse('inventories', TG_OP,
    format('a %s inventory keeps its content (changed: %s); a correction is a new revision', OLD.status, changed));
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER inventories_protect BEFORE UPDATE OR DELETE ON inventories FOR EACH ROW EXECUTE FUNCTION gpmb_inventories_protect()`,
    );
    await q.query(`CREATE FUNCTION gpmb_inventory_items_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT i.status INTO bad FROM inventories i WHERE i.status <> 'draft' AND i.id IN (SELECT inventory_id FROM new_rows) LIMIT 1;
  END IF;
  IF bad IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT i.status INTO bad FROM inventories i WHERE i.status <> 'draft' AND i.id IN (SELECT inventory_id FROM old_rows) LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    PERFORM gpmb_refuse('inventory_items', TG_OP, format('the items of a %s inventory are kept', bad));
  END IF;
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER inventory_items_protect_ins AFTER INSERT ON inventory_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_inventory_items_protect()`,
    );
    await q.query(
      `CREATE TRIGGER inventory_items_protect_upd AFTER UPDATE ON inventory_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_inventory_items_protect()`,
    );
    await q.query(
      `CREATE TRIGGER inventory_items_protect_del AFTER DELETE ON inventory_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_inventory_items_protect()`,
    );

    // Plans.
    await q.query(`CREATE FUNCTION gpmb_plans_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF OLD.status = 'DRAFT' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM gpmb_refuse('plans', TG_OP, format('plan %s is past its draft (%s)', OLD.code, OLD.status));
  END IF;
  changed := gpmb_changed(to_jsonb(OLD), to_jsonb(NEW));
  IF changed = '{}' THEN RETURN NEW; END IF;
  IF OLD.status IN ('APPROVED', 'PUBLISHED') THEN
    IF OLD.status = 'APPROVED' AND NEW.status = 'PUBLISHED' AND changed <@ ARRAY['status', 'version', 'updated_at'] THEN
      RETURN NEW;
    END IF;
  ELSIF changed <@ ARRAY['status', 'posted_on', 'posting_places', 'appraisal', 'return_comments', 'approved_on',
                         'approval_number', 'version', 'updated_at'] THEN
    RETURN NEW;
  END IF;
  PERFORM gpmb_refuse('plans', TG_OP, format('plan %s (%s) keeps %s; a correction is a supplementary or adjusted plan',
    OLD.code, OLD.status, changed));
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER plans_protect BEFORE UPDATE OR DELETE ON plans FOR EACH ROW EXECUTE FUNCTION gpmb_plans_protect()`,
    );
    // Lines, corrections, case rows: written only while their plan is a draft.
    await q.query(`CREATE FUNCTION gpmb_plan_rows_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT p.code || ' (' || p.status || ')' INTO bad FROM plans p
     WHERE p.status <> 'DRAFT' AND p.id IN (SELECT plan_id FROM new_rows) LIMIT 1;
  END IF;
  IF bad IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT p.code || ' (' || p.status || ')' INTO bad FROM plans p
     WHERE p.status <> 'DRAFT' AND p.id IN (SELECT plan_id FROM old_rows) LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    PERFORM gpmb_refuse(TG_TABLE_NAME, TG_OP, format('plan %s is past its draft', bad));
  END IF;
  RETURN NULL;
END $$`);
    for (const t of ['plan_lines', 'plan_line_corrections', 'plan_cases']) {
      await q.query(
        `CREATE TRIGGER ${t}_protect_ins AFTER INSERT ON ${t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_plan_rows_protect()`,
      );
      await q.query(
        `CREATE TRIGGER ${t}_protect_del AFTER DELETE ON ${t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_plan_rows_protect()`,
      );
    }
    for (const t of ['plan_lines', 'plan_line_corrections']) {
      await q.query(
        `CREATE TRIGGER ${t}_protect_upd AFTER UPDATE ON ${t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gpmb_plan_rows_protect()`,
      );
    }
    // A case row's consultation (opinion, dialogue) and recovery decision number are recorded on the way to approval.
    await q.query(`CREATE FUNCTION gpmb_plan_cases_update_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE old_status text; new_status text; changed text[];
BEGIN
  SELECT status INTO old_status FROM plans WHERE id = OLD.plan_id;
  SELECT status INTO new_status FROM plans WHERE id = NEW.plan_id;
  IF old_status = 'DRAFT' AND new_status = 'DRAFT' THEN RETURN NEW; END IF;
  changed := gpmb_changed(to_jsonb(OLD), to_jsonb(NEW));
  IF changed = '{}' THEN RETURN NEW; END IF;
  IF old_status NOT IN ('APPROVED', 'PUBLISHED')
     AND changed <@ ARRAY['opinion', 'opinion_note', 'dialogue_held', 'recovery_number'] THEN
    RETURN NEW;
  END IF;
  PERFORM gpmb_refuse('plan_cases', TG_OP, format('the plan is %s; %s are kept', old_status, changed));
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER plan_cases_protect_upd BEFORE UPDATE ON plan_cases FOR EACH ROW EXECUTE FUNCTION gpmb_plan_cases_update_protect()`,
    );

    // Documents.
    await q.query(`CREATE FUNCTION gpmb_documents_protect() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'rendered' THEN
      PERFORM gpmb_refuse('documents', TG_OP, format('document %s is issued and rendered', OLD.number));
    END IF;
    RETURN OLD;
  END IF;
  changed := gpmb_changed(to_jsonb(OLD), to_jsonb(NEW));
  IF changed = '{}' THEN RETURN NEW; END IF;
  IF OLD.status <> 'rendered' AND changed <@ ARRAY['status', 'storage_key', 'sha256', 'page_count', 'error',
                                                  'rendered_at', 'replaces_id'] THEN
    RETURN NEW;
  END IF;
  PERFORM gpmb_refuse('documents', TG_OP, format('document %s (%s) keeps %s; a correction is a reissued document',
    OLD.number, OLD.status, changed));
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER documents_protect BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION gpmb_documents_protect()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER documents_protect ON documents`);
    await q.query(`DROP FUNCTION gpmb_documents_protect()`);
    await q.query(`DROP TRIGGER plan_cases_protect_upd ON plan_cases`);
    await q.query(`DROP FUNCTION gpmb_plan_cases_update_protect()`);
    for (const t of ['plan_lines', 'plan_line_corrections']) await q.query(`DROP TRIGGER ${t}_protect_upd ON ${t}`);
    for (const t of ['plan_lines', 'plan_line_corrections', 'plan_cases']) {
      await q.query(`DROP TRIGGER ${t}_protect_ins ON ${t}`);
      await q.query(`DROP TRIGGER ${t}_protect_del ON ${t}`);
    }
    await q.query(`DROP FUNCTION gpmb_plan_rows_protect()`);
    await q.query(`DROP TRIGGER plans_protect ON plans`);
    await q.query(`DROP FUNCTION gpmb_plans_protect()`);
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER inventory_items_protect_${op} ON inventory_items`);
    await q.query(`DROP FUNCTION gpmb_inventory_items_protect()`);
    await q.query(`DROP TRIGGER inventories_protect ON inventories`);
    await q.query(`DROP FUNCTION gpmb_inventories_protect()`);
    for (const t of ['payments', 'issued_numbers']) {
      await q.query(`DROP TRIGGER ${t}_append_only ON ${t}`);
      await q.query(`DROP TRIGGER ${t}_no_truncate ON ${t}`);
    }
    await q.query(`DROP FUNCTION gpmb_append_only()`);
    await q.query(`DROP FUNCTION gpmb_changed(jsonb, jsonb)`);
    await q.query(`DROP FUNCTION gpmb_refuse(text, text, text)`);
  }
}
