import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HandoverMinutes1795523077273 implements MigrationInterface {
    name = 'HandoverMinutes1795523077273';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "handovers" ADD "minutes_document_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "handovers" DROP COLUMN "minutes_document_id"`);
    }
}
