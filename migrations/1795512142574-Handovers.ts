import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Handovers1795512142574 implements MigrationInterface {
    name = 'Handovers1795512142574';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "handovers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "project_id" uuid NOT NULL, "parcel_id" uuid NOT NULL, "handed_over_on" date NOT NULL, "area" numeric(14,4) NOT NULL, "minutes_attachment_id" uuid, "enforced" boolean NOT NULL DEFAULT false, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88432ab36f1a01be3bb86a16c28" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7678d36c9c5c9be2285b7cfefd" ON "handovers"  ("project_id", "handed_over_on") `);
        await queryRunner.query(`CREATE INDEX "IDX_26ceb5a361003ba98325546256" ON "handovers"  ("case_id") `);
        await queryRunner.query(`ALTER TABLE "handovers" ADD CONSTRAINT "FK_26ceb5a361003ba98325546256f" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "handovers" DROP CONSTRAINT "FK_26ceb5a361003ba98325546256f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_26ceb5a361003ba98325546256"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7678d36c9c5c9be2285b7cfefd"`);
        await queryRunner.query(`DROP TABLE "handovers"`);
    }
}
