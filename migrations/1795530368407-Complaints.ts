import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1795530368407 implements MigrationInterface {
    name = 'Complaints1795530368407';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "complaint_rules" ("kind" character varying(20) NOT NULL, "effective_from" date NOT NULL, "basis" character varying(1000) NOT NULL, "params" jsonb NOT NULL, CONSTRAINT "PK_045d92ff1d35ce77fdb3f1e54bc" PRIMARY KEY ("kind", "effective_from"))`);
        await queryRunner.query(`CREATE TABLE "plan_line_corrections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "case_id" uuid NOT NULL, "category" character varying(40) NOT NULL, "item_code" character varying(40) NOT NULL, "source_id" uuid, "description" character varying(500) NOT NULL, "unit" character varying(20) NOT NULL, "quantity" numeric(18,4), "unit_price" numeric(22,4), "basis" character varying(500) NOT NULL, "complaint_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b818a068fbe160885f8ae404fc5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a0b6834a9b73f8cdd984189348" ON "plan_line_corrections"  ("complaint_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_9faf152e0c824944d2f0f1ff81" ON "plan_line_corrections"  ("plan_id", "case_id") `);
        await queryRunner.query(`CREATE TABLE "complaints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "code" character varying(30) NOT NULL, "kind" character varying(20) NOT NULL, "state" character varying(20) NOT NULL, "level" smallint NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "commune_id" uuid NOT NULL, "case_id" uuid, "land_user_id" uuid, "complainant_name" character varying(200) NOT NULL, "complainant_address" character varying(300) NOT NULL DEFAULT '', "received_on" date NOT NULL, "channel" character varying(20) NOT NULL, "subject_type" character varying(30) NOT NULL, "document_id" uuid, "decision_received_on" date, "plan_id" uuid, "plan_line_id" bigint, "content" text NOT NULL, "agency" character varying(30) NOT NULL, "complex" boolean NOT NULL DEFAULT false, "level_received_on" date NOT NULL, "accepted_on" date, "decided_on" date, "decision_number" character varying(60), "outcome" character varying(20), "first_decided_on" date, "closed_on" date, "suspended_days" integer NOT NULL DEFAULT '0', "suspended_since" date, "state_before_suspension" character varying(20), "execution_suspended" boolean NOT NULL DEFAULT false, "execution_suspension_ref" character varying(300), "adjustment_plan_id" uuid, "registered_by" uuid NOT NULL, CONSTRAINT "UQ_5af34cf5dd79c380d32abd71d30" UNIQUE ("code"), CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9b8ad1c7fd09bb4e235380df4e" ON "complaints"  ("case_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3f54fb2319a56318b72a99d1e" ON "complaints"  ("commune_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_96cc6ea225e9a4492517b569f2" ON "complaints"  ("project_id", "state") `);
        await queryRunner.query(`CREATE TABLE "complaint_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "action" character varying(30) NOT NULL, "from_state" character varying(20), "to_state" character varying(20) NOT NULL, "level" smallint NOT NULL, "occurred_on" date NOT NULL, "document_ref" character varying(300) NOT NULL DEFAULT '', "note" text NOT NULL DEFAULT '', "actor_id" uuid NOT NULL, "actor_role" character varying(30) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e9979b3ca11620b323d58446a38" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_733f764481e866666118476eaf" ON "complaint_events"  ("complaint_id", "occurred_on") `);
        await queryRunner.query(`ALTER TABLE "attachments" ADD "complaint_id" uuid`);
        await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871"`);
        await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "case_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_98b0639756edac0d1db20e1c04" ON "attachments"  ("complaint_id") `);
        await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "plan_line_corrections" ADD CONSTRAINT "FK_06ca0951b4524901b5d0ed86d02" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "FK_3cdd4bcf27a46c6e3271e1f1998" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "FK_c5a1b849cf1cba39a2086ee84f3" FOREIGN KEY ("commune_id") REFERENCES "admin_units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "FK_9b8ad1c7fd09bb4e235380df4ee" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaint_events" ADD CONSTRAINT "FK_1f884003b0ce325855f85a1b222" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "complaint_events" DROP CONSTRAINT "FK_1f884003b0ce325855f85a1b222"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "FK_9b8ad1c7fd09bb4e235380df4ee"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "FK_c5a1b849cf1cba39a2086ee84f3"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "FK_3cdd4bcf27a46c6e3271e1f1998"`);
        await queryRunner.query(`ALTER TABLE "plan_line_corrections" DROP CONSTRAINT "FK_06ca0951b4524901b5d0ed86d02"`);
        await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_98b0639756edac0d1db20e1c04"`);
        await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "case_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attachments" DROP COLUMN "complaint_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_733f764481e866666118476eaf"`);
        await queryRunner.query(`DROP TABLE "complaint_events"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_96cc6ea225e9a4492517b569f2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e3f54fb2319a56318b72a99d1e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9b8ad1c7fd09bb4e235380df4e"`);
        await queryRunner.query(`DROP TABLE "complaints"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9faf152e0c824944d2f0f1ff81"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a0b6834a9b73f8cdd984189348"`);
        await queryRunner.query(`DROP TABLE "plan_line_corrections"`);
        await queryRunner.query(`DROP TABLE "complaint_rules"`);
    }
}
