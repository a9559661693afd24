import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1795511887793 implements MigrationInterface {
    name = 'Payments1795511887793';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "method" character varying(20) NOT NULL, "amount" bigint NOT NULL, "paid_on" date NOT NULL, "voucher_number" character varying(60) NOT NULL, "recipient" character varying(200) NOT NULL, "late_amount" bigint NOT NULL DEFAULT '0', "late_days" integer NOT NULL DEFAULT '0', "late_basis" jsonb NOT NULL DEFAULT '[]', "idempotency_key" character varying(100) NOT NULL, "request_hash" character(64) NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59dcef70bd19850783c84f840e" ON "payments"  ("idempotency_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_5d0cf77e9265a7c965e9ce41c2" ON "payments"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "late_payment_rates" ("effective_from" date NOT NULL, "percent_per_day" numeric(8,4) NOT NULL, "basis" character varying(300) NOT NULL, CONSTRAINT "PK_52c1f0411baf572923c1f9d5474" PRIMARY KEY ("effective_from"))`);
        await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_5d0cf77e9265a7c965e9ce41c2f" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_5d0cf77e9265a7c965e9ce41c2f"`);
        await queryRunner.query(`DROP TABLE "late_payment_rates"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5d0cf77e9265a7c965e9ce41c2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_59dcef70bd19850783c84f840e"`);
        await queryRunner.query(`DROP TABLE "payments"`);
    }
}
