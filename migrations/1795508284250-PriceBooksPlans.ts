import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PriceBooksPlans1795508284250 implements MigrationInterface {
    name = 'PriceBooksPlans1795508284250';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "price_books" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "description" text NOT NULL DEFAULT '', "decision_number" character varying(100) NOT NULL, "decision_date" date NOT NULL, "issuer" character varying(200) NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "commune_codes" character varying(32) array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "is_sample" boolean NOT NULL DEFAULT false, "content" jsonb NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e9999c434e93f27e9e3ee547d2d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f39e1fbc5a419219d5968d7c4" ON "price_books"  ("code") `);
        await queryRunner.query(`CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "project_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "kind" character varying(16) NOT NULL, "parent_plan_id" uuid, "status" character varying(32) NOT NULL, "price_book_id" uuid NOT NULL, "price_book_version" integer NOT NULL, "valuation_date" date NOT NULL, "batch" character varying(20), "commune_id" uuid, "gross" numeric(22,4) NOT NULL DEFAULT '0', "net" bigint NOT NULL DEFAULT '0', "debt" bigint NOT NULL DEFAULT '0', "case_count" integer NOT NULL DEFAULT '0', "missing_basis_count" integer NOT NULL DEFAULT '0', "computed_at" TIMESTAMP WITH TIME ZONE, "findings" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_aac3c8e1c44b481ee0346aada1" ON "plans"  ("project_id", "code") `);
        await queryRunner.query(`CREATE TABLE "plan_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "case_id" uuid NOT NULL, "gross" numeric(22,4) NOT NULL, "net" bigint NOT NULL, "debt" bigint NOT NULL, "missing_basis" boolean NOT NULL, "input_hash" character(64) NOT NULL, "line_count" integer NOT NULL, CONSTRAINT "PK_ab045cc1af161d8625be986c4cd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a8a1db8b9785a514cdf1c0d19b" ON "plan_cases"  ("case_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a70f39cf746bf5407c1b83ec37" ON "plan_cases"  ("plan_id", "case_id") `);
        await queryRunner.query(`CREATE TABLE "plan_lines" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "plan_id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "category" character varying(40) NOT NULL, "item_code" character varying(40) NOT NULL, "description" character varying(500) NOT NULL, "quantity" numeric(18,4) NOT NULL, "unit" character varying(20) NOT NULL, "unit_price" numeric(22,4), "amount" numeric(22,4), "status" character varying(16) NOT NULL, "missing" character varying(300), "inputs" jsonb NOT NULL DEFAULT '{}', "basis" text NOT NULL DEFAULT '', "source_id" uuid, CONSTRAINT "PK_29380fe621ce09e362fd2d9387a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7c84c950ac50f195380b1060ec" ON "plan_lines"  ("plan_id", "case_id", "seq") `);
        await queryRunner.query(`ALTER TABLE "cases" ADD "pricing_facts" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_dc1f43af02c0a99dbf4c8a2b532" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_a57e7415da896fb2dd16261a9d9" FOREIGN KEY ("price_book_id") REFERENCES "price_books"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD CONSTRAINT "FK_6a38bd5b410dd5c7880ad97c8c5" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD CONSTRAINT "FK_a8a1db8b9785a514cdf1c0d19b3" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "plan_lines" ADD CONSTRAINT "FK_a7db874e393f207337b9628aa02" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "plan_lines" DROP CONSTRAINT "FK_a7db874e393f207337b9628aa02"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP CONSTRAINT "FK_a8a1db8b9785a514cdf1c0d19b3"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP CONSTRAINT "FK_6a38bd5b410dd5c7880ad97c8c5"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_a57e7415da896fb2dd16261a9d9"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_dc1f43af02c0a99dbf4c8a2b532"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "pricing_facts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7c84c950ac50f195380b1060ec"`);
        await queryRunner.query(`DROP TABLE "plan_lines"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a70f39cf746bf5407c1b83ec37"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a8a1db8b9785a514cdf1c0d19b"`);
        await queryRunner.query(`DROP TABLE "plan_cases"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_aac3c8e1c44b481ee0346aada1"`);
        await queryRunner.query(`DROP TABLE "plans"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f39e1fbc5a419219d5968d7c4"`);
        await queryRunner.query(`DROP TABLE "price_books"`);
    }
}
