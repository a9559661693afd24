import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795509781336 implements MigrationInterface {
    name = 'Documents1795509781336';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(40) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" uuid NOT NULL, "plan_id" uuid, "number" character varying(60) NOT NULL, "issued_on" date NOT NULL, "record_version" integer NOT NULL, "status" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "storage_key" character varying(300), "sha256" character(64), "page_count" integer, "replaces_id" uuid, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rendered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6b5e369a446ab2d32cb06885c5" ON "documents"  ("plan_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5bbdbd9b881aa4a7b85e3b574d" ON "documents"  ("entity_type", "entity_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_5bbdbd9b881aa4a7b85e3b574d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6b5e369a446ab2d32cb06885c5"`);
        await queryRunner.query(`DROP TABLE "documents"`);
    }
}
