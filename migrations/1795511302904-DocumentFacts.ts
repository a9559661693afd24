import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentFacts1795511302904 implements MigrationInterface {
    name = 'DocumentFacts1795511302904';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "documents" ADD "facts" jsonb NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "facts"`);
    }
}
