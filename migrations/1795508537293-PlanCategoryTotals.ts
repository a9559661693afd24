import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanCategoryTotals1795508537293 implements MigrationInterface {
    name = 'PlanCategoryTotals1795508537293';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "plans" ADD "category_totals" jsonb NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "category_totals"`);
    }
}
