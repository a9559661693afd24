import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressHandoverIndex1795525638919 implements MigrationInterface {
    name = 'ProgressHandoverIndex1795525638919';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_d90e8b48e483c1d1ed8e89ad5b" ON "handovers"  ("project_id", "case_id", "handed_over_on", "area", "enforced") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_d90e8b48e483c1d1ed8e89ad5b"`);
    }
}
