import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 §10, §11. (1) A regime carries the legal basis of the rules its plans apply (`procedure_regimes.bases`):
 * a plan of the 2013 Land Law cites NĐ 47/2014, not the 2024 law's NĐ 88/2024. The texts ship with the regime's
 * definition (seeds/regimes/), refreshed on every seed like its steps.
 * (2) The land price is the one at the recovery decision (LĐĐ 2013 Đ74 k2): an approval whose date changes nothing of
 * the plan's figures takes that date as the plan's valuation date, so the protection of a plan past its draft lets
 * `valuation_date` change in the one update that approves it.
 */
const protect = (approvalMayDate: boolean) => `CREATE OR REPLACE FUNCTION gpmb_plans_protect() RETURNS trigger LANGUAGE plpgsql AS $$
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
    RETURN NEW;${
      approvalMayDate
        ? `
  ELSIF NEW.status = 'APPROVED' AND changed <@ ARRAY['status', 'approved_on', 'approval_number', 'valuation_date',
                                                     'version', 'updated_at'] THEN
    RETURN NEW;`
        : ''
    }
  END IF;
  PERFORM gpmb_refuse('plans', TG_OP, format('plan %s (%s) keeps %s; a correction is a supplementary or adjusted plan',
    OLD.code, OLD.status, changed));
  RETURN NULL;
END $$`;

export class RegimeBases1795565000000 implements MigrationInterface {
  name = 'RegimeBases1795565000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "procedure_regimes" ADD "bases" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(protect(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(protect(false));
    await q.query(`ALTER TABLE "procedure_regimes" DROP COLUMN "bases"`);
  }
}
