import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarNumbering1795508857124 implements MigrationInterface {
    name = 'CalendarNumbering1795508857124';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "holidays" ("date" date NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "basis" character varying(300) NOT NULL DEFAULT '', CONSTRAINT "PK_5e43c88301734e52088c3c96cc6" PRIMARY KEY ("date", "kind"))`);
        await queryRunner.query(`CREATE TABLE "number_counters" ("agency_id" uuid NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_fae445383fbafa26b3bd86fc09d" PRIMARY KEY ("agency_id", "year"))`);
        await queryRunner.query(`CREATE TABLE "issued_numbers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "year" integer NOT NULL, "number" integer NOT NULL, "type_code" character varying(8) NOT NULL, "formatted" character varying(60) NOT NULL, "issued_on" date NOT NULL, "subject" character varying(500) NOT NULL, "entity_type" character varying(40), "entity_id" uuid, "issued_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e17d05160a12695fbbbd80d03a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73407be03678e6ddc3a30438b0" ON "issued_numbers"  ("agency_id", "year", "number") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_73407be03678e6ddc3a30438b0"`);
        await queryRunner.query(`DROP TABLE "issued_numbers"`);
        await queryRunner.query(`DROP TABLE "number_counters"`);
        await queryRunner.query(`DROP TABLE "holidays"`);
    }
}
