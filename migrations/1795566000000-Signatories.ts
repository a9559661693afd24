import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 §12: signers are dated data per body and position (`signatories`), and a document keeps the signer chosen
 * when it was issued (`documents.signer`), instead of printing the name of the user who pressed the button.
 */
export class Signatories1795566000000 implements MigrationInterface {
  name = 'Signatories1795566000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "signatories" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agency_id" uuid NOT NULL,
      "full_name" varchar(120) NOT NULL,
      "title" varchar(80) NOT NULL,
      "deputy" boolean NOT NULL,
      "effective_from" date NOT NULL,
      "effective_to" date,
      "basis" varchar(300) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_signatories" PRIMARY KEY ("id"),
      CONSTRAINT "FK_signatories_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id"),
      CONSTRAINT "CHK_signatories_term" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"),
      CONSTRAINT "CHK_signatories_name" CHECK (btrim("full_name") <> '' AND btrim("title") <> '' AND btrim("basis") <> '')
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_signatories_agency_name_from" ON "signatories" ("agency_id", "full_name", "effective_from")`,
    );
    await q.query(`ALTER TABLE "documents" ADD "signer" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "documents" DROP COLUMN "signer"`);
    await q.query(`DROP TABLE "signatories"`);
  }
}
