import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportRules1795525443111 implements MigrationInterface {
    name = 'ReportRules1795525443111';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_rules" ("kind" character varying(20) NOT NULL, "effective_from" date NOT NULL, "due_before_day" integer NOT NULL, "basis" character varying(500) NOT NULL, CONSTRAINT "PK_97eae625a546e30725be451061b" PRIMARY KEY ("kind", "effective_from"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "report_rules"`);
    }
}
