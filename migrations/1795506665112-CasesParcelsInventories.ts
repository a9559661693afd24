import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesParcelsInventories1795506665112 implements MigrationInterface {
    name = 'CasesParcelsInventories1795506665112';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "land_types" ("code_table" character varying(20) NOT NULL, "code" character varying(8) NOT NULL, "name" character varying(200) NOT NULL, "group" character varying(16) NOT NULL, CONSTRAINT "PK_22b2ab5aa01a68457978e86ab42" PRIMARY KEY ("code_table", "code"))`);
        await queryRunner.query(`CREATE TABLE "land_users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "kind" character varying(16) NOT NULL, "full_name" character varying(300) NOT NULL, "cccd" character(12), "birth_year" integer, "address" character varying(500) NOT NULL DEFAULT '', "members" jsonb NOT NULL DEFAULT '[]', "poor_household" boolean NOT NULL DEFAULT false, "policy_family" boolean NOT NULL DEFAULT false, "directly_farming" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_14f2a2a4b33c8f19894c82bfa7b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_79ad7a0fc0cd9417a78ffb2941" ON "land_users"  ("full_name") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7ecffd1ac0ed337a652b6526e4" ON "land_users"  ("cccd") WHERE cccd IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "project_id" uuid NOT NULL, "land_user_id" uuid NOT NULL, "commune_id" uuid NOT NULL, "batch" character varying(20), "state" character varying(40) NOT NULL, "notice_delivered_on" date, "note" text NOT NULL DEFAULT '', "search_text" text NOT NULL DEFAULT '', CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0f92656c81352abcbecfdd8d12" ON "cases"  ("project_id", "commune_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1f2f87fff864a26c15f60c35cc" ON "cases"  ("project_id", "state") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce978da31790afa7f130f4b629" ON "cases"  ("project_id", "land_user_id") `);
        await queryRunner.query(`CREATE TABLE "case_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "action" character varying(40) NOT NULL, "from_state" character varying(40) NOT NULL, "to_state" character varying(40) NOT NULL, "occurred_on" date NOT NULL, "actor_id" uuid, "document_ref" character varying(200) NOT NULL DEFAULT '', "note" text NOT NULL DEFAULT '', "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2e3f66ea284b59b64d277787bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4ff67c52fa8ea23b0a12c693d4" ON "case_transitions"  ("case_id", "recorded_at") `);
        await queryRunner.query(`CREATE TABLE "inventories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "case_id" uuid NOT NULL, "revision" integer NOT NULL, "status" character varying(16) NOT NULL, "surveyed_on" date NOT NULL, "participants" jsonb NOT NULL DEFAULT '[]', "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by" uuid, "supersedes_id" uuid, "note" text NOT NULL DEFAULT '', CONSTRAINT "PK_7b1946392ffdcb50cfc6ac78c0e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9f8b66854bb47629efa9a0fbe2" ON "inventories"  ("case_id", "revision") `);
        await queryRunner.query(`CREATE TABLE "inventory_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inventory_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(16) NOT NULL, "item_code" character varying(40) NOT NULL, "description" character varying(500) NOT NULL, "quantity" numeric(16,4) NOT NULL, "unit" character varying(16) NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "first_recorded_on" date, "after_notice" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_cf2f451407242e132547ac19169" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_38f18b281b2c34b136f7ea917c" ON "inventory_items"  ("inventory_id") `);
        await queryRunner.query(`CREATE TABLE "parcels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "case_id" uuid NOT NULL, "project_id" uuid NOT NULL, "commune_id" uuid NOT NULL, "map_sheet" character varying(12) NOT NULL, "parcel_number" character varying(12) NOT NULL, "land_type_code" character varying(8) NOT NULL, "legal_area" numeric(14,4), "measured_area" numeric(14,4) NOT NULL, "recovered_area" numeric(14,4) NOT NULL, "land_uses" jsonb NOT NULL DEFAULT '[]', "position" character varying(40) NOT NULL DEFAULT '', "origin" character varying(500) NOT NULL DEFAULT '', "eligible" boolean NOT NULL DEFAULT true, "certificate_number" character varying(40) NOT NULL DEFAULT '', CONSTRAINT "PK_47847f79fee8a3926f2b3022a96" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d3cee2f99f15202b9e4b77e65d" ON "parcels"  ("parcel_number") `);
        await queryRunner.query(`CREATE INDEX "IDX_473c7bb04bc087a613659f600c" ON "parcels"  ("case_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_71ee907f84ce0dd11eb683d5d9" ON "parcels"  ("project_id", "commune_id", "map_sheet", "parcel_number") `);
        await queryRunner.query(`CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_type" character varying(20) NOT NULL, "owner_id" uuid NOT NULL, "case_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "media_type" character varying(64) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(300) NOT NULL, "description" character varying(300) NOT NULL DEFAULT '', "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2ecf0bc117c5bfeac567475c87" ON "attachments"  ("case_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_3cb0098f75e9626de69809f5ba" ON "attachments"  ("owner_type", "owner_id") `);
        await queryRunner.query(`CREATE TABLE "engagements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "occurred_on" date NOT NULL, "officers" character varying(200) array NOT NULL DEFAULT '{}', "outcome" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aec8c95c82a37a5791001cdb9ae" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_841ce6883fb08b4ca45f84173d" ON "engagements"  ("case_id", "occurred_on") `);
        // Hand-edited: existing regimes get an empty machine until `npm run seed` writes their definition.
        await queryRunner.query(`ALTER TABLE "procedure_regimes" ADD "case_machine" jsonb NOT NULL DEFAULT '{"initial":"IDENTIFIED","states":{},"actions":{}}'`);
        await queryRunner.query(`ALTER TABLE "procedure_regimes" ALTER COLUMN "case_machine" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_ff07e386b6fe38357650dda4c96" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_8d952d98163ab6ff13ab9bcf120" FOREIGN KEY ("land_user_id") REFERENCES "land_users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_f6e5a8658e950bea02c6f49766f" FOREIGN KEY ("commune_id") REFERENCES "admin_units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_transitions" ADD CONSTRAINT "FK_d553ca7322f12d807acab3f9123" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inventories" ADD CONSTRAINT "FK_878c84c654ff135280ad202899f" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inventory_items" ADD CONSTRAINT "FK_38f18b281b2c34b136f7ea917c0" FOREIGN KEY ("inventory_id") REFERENCES "inventories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "parcels" ADD CONSTRAINT "FK_473c7bb04bc087a613659f600cc" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "parcels" ADD CONSTRAINT "FK_6441a642a9c0cbcd8af560ef5f9" FOREIGN KEY ("commune_id") REFERENCES "admin_units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "engagements" ADD CONSTRAINT "FK_7a4411740c18f5942bfde7ad424" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        // Hand-written: case search. cases.search_text holds the accent-folded name, the CCCD and the parcel numbers,
        // kept current by triggers whatever writes land users or parcels (API, import, seeds). Same folding as
        // searchKey() in src/core/text/vn-number.ts (names are stored NFC).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE FUNCTION gpmb_search_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(trim(translate(lower(coalesce(t, '')),
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[[:space:]]+', ' ', 'g')
$$`);
        await queryRunner.query(`CREATE FUNCTION gpmb_refresh_case_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET search_text = concat_ws(' ', gpmb_search_key(lu.full_name), lu.cccd,
    (SELECT string_agg(p.parcel_number, ' ' ORDER BY p.parcel_number) FROM parcels p WHERE p.case_id = c.id))
  FROM land_users lu WHERE lu.id = c.land_user_id AND c.id = ANY(ids)
$$`);
        await queryRunner.query(`CREATE FUNCTION gpmb_cases_search_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_case_search(ARRAY[NEW.id]);
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER cases_search AFTER INSERT OR UPDATE OF land_user_id ON cases FOR EACH ROW EXECUTE FUNCTION gpmb_cases_search_trg()`);
        await queryRunner.query(`CREATE FUNCTION gpmb_parcels_search_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM gpmb_refresh_case_search(ARRAY[OLD.case_id]); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM gpmb_refresh_case_search(ARRAY[NEW.case_id]); END IF;
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER parcels_search AFTER INSERT OR DELETE OR UPDATE OF parcel_number, case_id ON parcels FOR EACH ROW EXECUTE FUNCTION gpmb_parcels_search_trg()`);
        await queryRunner.query(`CREATE FUNCTION gpmb_land_users_search_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gpmb_refresh_case_search(ARRAY(SELECT id FROM cases WHERE land_user_id = NEW.id));
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER land_users_search AFTER UPDATE OF full_name, cccd ON land_users FOR EACH ROW EXECUTE FUNCTION gpmb_land_users_search_trg()`);
        await queryRunner.query(`CREATE INDEX cases_search_trgm ON cases USING gin (search_text gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX cases_project_search ON cases (project_id, search_text, id)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX cases_project_search`);
        await queryRunner.query(`DROP INDEX cases_search_trgm`);
        await queryRunner.query(`DROP TRIGGER land_users_search ON land_users`);
        await queryRunner.query(`DROP TRIGGER parcels_search ON parcels`);
        await queryRunner.query(`DROP TRIGGER cases_search ON cases`);
        await queryRunner.query(`DROP FUNCTION gpmb_land_users_search_trg()`);
        await queryRunner.query(`DROP FUNCTION gpmb_parcels_search_trg()`);
        await queryRunner.query(`DROP FUNCTION gpmb_cases_search_trg()`);
        await queryRunner.query(`DROP FUNCTION gpmb_refresh_case_search(uuid[])`);
        await queryRunner.query(`DROP FUNCTION gpmb_search_key(text)`);
        await queryRunner.query(`ALTER TABLE "engagements" DROP CONSTRAINT "FK_7a4411740c18f5942bfde7ad424"`);
        await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_2ecf0bc117c5bfeac567475c871"`);
        await queryRunner.query(`ALTER TABLE "parcels" DROP CONSTRAINT "FK_6441a642a9c0cbcd8af560ef5f9"`);
        await queryRunner.query(`ALTER TABLE "parcels" DROP CONSTRAINT "FK_473c7bb04bc087a613659f600cc"`);
        await queryRunner.query(`ALTER TABLE "inventory_items" DROP CONSTRAINT "FK_38f18b281b2c34b136f7ea917c0"`);
        await queryRunner.query(`ALTER TABLE "inventories" DROP CONSTRAINT "FK_878c84c654ff135280ad202899f"`);
        await queryRunner.query(`ALTER TABLE "case_transitions" DROP CONSTRAINT "FK_d553ca7322f12d807acab3f9123"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_f6e5a8658e950bea02c6f49766f"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_8d952d98163ab6ff13ab9bcf120"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_ff07e386b6fe38357650dda4c96"`);
        await queryRunner.query(`ALTER TABLE "procedure_regimes" DROP COLUMN "case_machine"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_841ce6883fb08b4ca45f84173d"`);
        await queryRunner.query(`DROP TABLE "engagements"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3cb0098f75e9626de69809f5ba"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2ecf0bc117c5bfeac567475c87"`);
        await queryRunner.query(`DROP TABLE "attachments"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_71ee907f84ce0dd11eb683d5d9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_473c7bb04bc087a613659f600c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d3cee2f99f15202b9e4b77e65d"`);
        await queryRunner.query(`DROP TABLE "parcels"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_38f18b281b2c34b136f7ea917c"`);
        await queryRunner.query(`DROP TABLE "inventory_items"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9f8b66854bb47629efa9a0fbe2"`);
        await queryRunner.query(`DROP TABLE "inventories"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4ff67c52fa8ea23b0a12c693d4"`);
        await queryRunner.query(`DROP TABLE "case_transitions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ce978da31790afa7f130f4b629"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1f2f87fff864a26c15f60c35cc"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f92656c81352abcbecfdd8d12"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7ecffd1ac0ed337a652b6526e4"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_79ad7a0fc0cd9417a78ffb2941"`);
        await queryRunner.query(`DROP TABLE "land_users"`);
        await queryRunner.query(`DROP TABLE "land_types"`);
    }
}
