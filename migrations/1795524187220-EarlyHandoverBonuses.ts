import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EarlyHandoverBonuses1795524187220 implements MigrationInterface {
    name = 'EarlyHandoverBonuses1795524187220';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "early_handover_bonuses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "eligible" boolean NOT NULL, "amount" bigint NOT NULL, "compensation" numeric(18,4) NOT NULL, "paid_on" date NOT NULL, "handed_over_on" date NOT NULL, "days" integer NOT NULL, "inputs" jsonb NOT NULL, "basis" character varying(500) NOT NULL, "explanation" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83507b8d32bcd88c83c89d906b7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dc2101518eb12deb4f723529bc" ON "early_handover_bonuses"  ("case_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_03c7eb4760dad43408245a783d" ON "early_handover_bonuses"  ("plan_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_03c7eb4760dad43408245a783d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dc2101518eb12deb4f723529bc"`);
        await queryRunner.query(`DROP TABLE "early_handover_bonuses"`);
    }
}
