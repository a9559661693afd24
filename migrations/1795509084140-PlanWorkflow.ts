import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanWorkflow1795509084140 implements MigrationInterface {
    name = 'PlanWorkflow1795509084140';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "plan_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "action" character varying(40) NOT NULL, "from_state" character varying(40) NOT NULL, "to_state" character varying(40) NOT NULL, "occurred_on" date NOT NULL, "actor_id" uuid NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f251ff9f657b52bce7323d9f325" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7e69879dac8419ac375c278b58" ON "plan_transitions"  ("plan_id", "recorded_at") `);
        // Hand-edited: existing regimes get an empty workflow until `npm run seed` writes their definition.
        await queryRunner.query(`ALTER TABLE "procedure_regimes" ADD "plan_machine" jsonb NOT NULL DEFAULT '{"states":{},"actions":{},"sections":{}}'`);
        await queryRunner.query(`ALTER TABLE "procedure_regimes" ALTER COLUMN "plan_machine" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "posted_on" date`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "posting_places" character varying(200) array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "appraisal" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "return_comments" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "approved_on" date`);
        await queryRunner.query(`ALTER TABLE "plans" ADD "approval_number" character varying(60)`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD "opinion" character varying(16)`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD "opinion_note" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD "dialogue_held" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "plan_cases" ADD "recovery_number" character varying(60)`);
        await queryRunner.query(`ALTER TABLE "plan_transitions" ADD CONSTRAINT "FK_a8c488ad718fa61951ad2c6813e" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Hand-written: plan states are the regime's (upper case) from now on.
        await queryRunner.query(`UPDATE plans SET status = 'DRAFT' WHERE status = 'draft'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "plan_transitions" DROP CONSTRAINT "FK_a8c488ad718fa61951ad2c6813e"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP COLUMN "recovery_number"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP COLUMN "dialogue_held"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP COLUMN "opinion_note"`);
        await queryRunner.query(`ALTER TABLE "plan_cases" DROP COLUMN "opinion"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "approval_number"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "approved_on"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "return_comments"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "appraisal"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "posting_places"`);
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "posted_on"`);
        await queryRunner.query(`ALTER TABLE "procedure_regimes" DROP COLUMN "plan_machine"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7e69879dac8419ac375c278b58"`);
        await queryRunner.query(`DROP TABLE "plan_transitions"`);
    }
}
