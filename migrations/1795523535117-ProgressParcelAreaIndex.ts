import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressParcelAreaIndex1795523535117 implements MigrationInterface {
    name = 'ProgressParcelAreaIndex1795523535117';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "parcels_project_case_area" ON "parcels"  ("project_id", "case_id", "recovered_area") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."parcels_project_case_area"`);
    }
}
