import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795504912329 implements MigrationInterface {
    name = 'Initial1795504912329';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_username" character varying(64), "action" character varying(32) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(64) NOT NULL, "changes" jsonb NOT NULL DEFAULT '[]', "request_id" character varying(64), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2fc6d94b31ce8137a4090092e3" ON "audit_entries"  ("entity_type", "entity_id", "at") `);
        await queryRunner.query(`CREATE TABLE "admin_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "level" character varying(16) NOT NULL, "kind" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "parent_id" uuid, "remote" boolean NOT NULL DEFAULT false, "remote_basis" character varying(300), CONSTRAINT "PK_d047795cad0a139212e3e0fa362" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_99af24f963db704f7d880b964b" ON "admin_units"  ("code") `);
        await queryRunner.query(`CREATE TABLE "agencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "kind" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "short_name" character varying(40) NOT NULL, "admin_unit_id" uuid, CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6acd8cc6374916c08b4d7f060c" ON "agencies"  ("code") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "username" character varying(64) NOT NULL, "display_name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "agency_id" uuid, "commune_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users"  ("username") `);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "procedure_regimes" ("code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "legal_basis" text NOT NULL, "effective_from" date NOT NULL, "effective_to" date, CONSTRAINT "PK_1d57db8019744b754518b8d74f3" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(500) NOT NULL, "description" text NOT NULL DEFAULT '', "investor_agency_id" uuid NOT NULL, "recovery_ground" character varying(2) NOT NULL, "legal_basis" text NOT NULL DEFAULT '', "regime_code" character varying(40) NOT NULL, "area_to_recover" numeric(16,4), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d95a87318392465ab663a32cc4" ON "projects"  ("code") `);
        await queryRunner.query(`CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "project_id" uuid NOT NULL, "due_date" date NOT NULL, "target_percent" numeric(5,2) NOT NULL, "label" character varying(300) NOT NULL DEFAULT '', "basis" character varying(500) NOT NULL DEFAULT '', CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_87d534a5f2d1c56c267bc4d91b" ON "milestones"  ("project_id", "due_date") `);
        await queryRunner.query(`CREATE TABLE "project_communes" ("project_id" uuid NOT NULL, "commune_id" uuid NOT NULL, CONSTRAINT "PK_b3332ce9d028927dbc54f730019" PRIMARY KEY ("project_id", "commune_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d9e00e77444d610b5ce55289d8" ON "project_communes"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ee5165b537aa8671cc3f259f00" ON "project_communes"  ("commune_id") `);
        await queryRunner.query(`ALTER TABLE "admin_units" ADD CONSTRAINT "FK_8d6ece7ee35e2984fae8507448b" FOREIGN KEY ("parent_id") REFERENCES "admin_units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agencies" ADD CONSTRAINT "FK_b97c382a2791dece0b516a2e8f5" FOREIGN KEY ("admin_unit_id") REFERENCES "admin_units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_6fdb3282cea9ba5877ab476aa76" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_e30b4e6749ff3b8630a73654465" FOREIGN KEY ("investor_agency_id") REFERENCES "agencies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_3ed80fe1c73bed3c55f66ea84b2" FOREIGN KEY ("regime_code") REFERENCES "procedure_regimes"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "FK_2204463ea4c5c1872e1fb2b8ffb" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_communes" ADD CONSTRAINT "FK_d9e00e77444d610b5ce55289d87" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "project_communes" ADD CONSTRAINT "FK_ee5165b537aa8671cc3f259f00b" FOREIGN KEY ("commune_id") REFERENCES "admin_units"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        // Hand-written: the audit trail is append-only, enforced by the database itself (not only by the app).
        await queryRunner.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
        await queryRunner.query(`CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entries_no_truncate ON "audit_entries"`);
        await queryRunner.query(`DROP TRIGGER audit_entries_no_update_delete ON "audit_entries"`);
        await queryRunner.query(`DROP FUNCTION audit_entries_append_only()`);
        await queryRunner.query(`ALTER TABLE "project_communes" DROP CONSTRAINT "FK_ee5165b537aa8671cc3f259f00b"`);
        await queryRunner.query(`ALTER TABLE "project_communes" DROP CONSTRAINT "FK_d9e00e77444d610b5ce55289d87"`);
        await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "FK_2204463ea4c5c1872e1fb2b8ffb"`);
        await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_3ed80fe1c73bed3c55f66ea84b2"`);
        await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_e30b4e6749ff3b8630a73654465"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_6fdb3282cea9ba5877ab476aa76"`);
        await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "FK_b97c382a2791dece0b516a2e8f5"`);
        await queryRunner.query(`ALTER TABLE "admin_units" DROP CONSTRAINT "FK_8d6ece7ee35e2984fae8507448b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ee5165b537aa8671cc3f259f00"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d9e00e77444d610b5ce55289d8"`);
        await queryRunner.query(`DROP TABLE "project_communes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_87d534a5f2d1c56c267bc4d91b"`);
        await queryRunner.query(`DROP TABLE "milestones"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d95a87318392465ab663a32cc4"`);
        await queryRunner.query(`DROP TABLE "projects"`);
        await queryRunner.query(`DROP TABLE "procedure_regimes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_abaa9e068cdd390bc5210f7988"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6acd8cc6374916c08b4d7f060c"`);
        await queryRunner.query(`DROP TABLE "agencies"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_99af24f963db704f7d880b964b"`);
        await queryRunner.query(`DROP TABLE "admin_units"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2fc6d94b31ce8137a4090092e3"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
    }
}
