import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LandGroup } from '../land-types/land-type.entity.js';
import { Parcel } from './parcel.entity.js';

/** One land use of a parcel as pricing sees it (a parcel with several uses gives one per use). */
export interface PricedParcel {
  caseId: string;
  id: string;
  mapSheet: string;
  parcelNumber: string;
  landTypeCode: string;
  group: LandGroup;
  position: string;
  measuredArea: string;
  recoveredArea: string;
  eligible: boolean;
}

/** A parcel's key in a project: commune, map sheet, parcel number. */
export interface ParcelKey {
  communeId: string;
  mapSheet: string;
  parcelNumber: string;
}

/** A parcel as the Excel intake creates it. */
export type NewParcel = Pick<
  Parcel,
  | 'caseId'
  | 'projectId'
  | 'communeId'
  | 'mapSheet'
  | 'parcelNumber'
  | 'landTypeCode'
  | 'legalArea'
  | 'measuredArea'
  | 'recoveredArea'
  | 'landUses'
  | 'position'
  | 'origin'
  | 'eligible'
  | 'certificateNumber'
>;

/** A parcel with its commune's name, areas as exact text, as the Excel export lists it. */
export interface ListedParcel {
  caseId: string;
  commune: string;
  mapSheet: string;
  parcelNumber: string;
  landTypeCode: string;
  legalArea: string | null;
  measuredArea: string;
  recoveredArea: string;
  position: string;
  origin: string;
  eligible: boolean;
  certificateNumber: string;
}

/** The SQL of the parcels table. */
@Injectable()
export class ParcelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cases' parcels, use by use, with their land group (TT 28/2014 codes; unknown codes are 'other'). */
  pricedParcels(caseIds: string[], em: EntityManager = this.db.manager): Promise<PricedParcel[]> {
    // A parcel with several land uses is priced use by use (each land type at its own price, NĐ 88 Đ6).
    return em.query<PricedParcel[]>(
      `SELECT p.case_id AS "caseId", p.id, p.map_sheet AS "mapSheet", p.parcel_number AS "parcelNumber", u.code AS "landTypeCode",
              coalesce(lt."group", 'other') AS "group", p.position, u.area AS "measuredArea", u.recovered AS "recoveredArea", p.eligible
       FROM parcels p
       CROSS JOIN LATERAL (
         SELECT p.land_type_code AS code, p.measured_area::text AS area, p.recovered_area::text AS recovered WHERE jsonb_array_length(p.land_uses) = 0
         UNION ALL
         SELECT x->>'landTypeCode', x->>'area', x->>'recoveredArea' FROM jsonb_array_elements(p.land_uses) x
       ) u
       LEFT JOIN land_types lt ON lt.code = u.code AND lt.code_table = 'TT28-2014'
       WHERE p.case_id = ANY($1)`,
      [caseIds],
    );
  }

  /** Those of the cases that have a parcel whose (main) land type is not agricultural. */
  async withNonAgriculturalLand(caseIds: string[], em: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows = await em.query<{ caseId: string }[]>(
      `SELECT DISTINCT p.case_id AS "caseId"
       FROM parcels p LEFT JOIN land_types lt ON lt.code = p.land_type_code AND lt.code_table = 'TT28-2014'
       WHERE p.case_id = ANY($1) AND coalesce(lt."group", 'other') <> 'agricultural'`,
      [caseIds],
    );
    return new Set(rows.map((r) => r.caseId));
  }

  /** Which of these keys (commune, sheet, number; a null commune matches nothing) the project's parcels already hold. */
  taken(
    projectId: string,
    keys: { communeId: string | null; mapSheet: string; parcelNumber: string }[],
    em: EntityManager = this.db.manager,
  ): Promise<ParcelKey[]> {
    return em.query<ParcelKey[]>(
      `SELECT p.map_sheet AS "mapSheet", p.parcel_number AS "parcelNumber", p.commune_id AS "communeId" FROM parcels p
       WHERE p.project_id = $1 AND (p.commune_id, p.map_sheet, p.parcel_number) IN (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[]))`,
      [projectId, keys.map((k) => k.communeId), keys.map((k) => k.mapSheet), keys.map((k) => k.parcelNumber)],
    );
  }

  /** One INSERT of the rows (the caller keeps the batch small), in the caller's transaction. */
  async insertMany(em: EntityManager, rows: NewParcel[]): Promise<void> {
    await em.getRepository(Parcel).insert(rows);
  }

  /** The cases' parcels with their commune's name, in map order. */
  listed(caseIds: string[]): Promise<ListedParcel[]> {
    return this.db.query<ListedParcel[]>(
      `SELECT p.case_id AS "caseId", au.name AS commune, p.map_sheet AS "mapSheet", p.parcel_number AS "parcelNumber", p.land_type_code AS "landTypeCode",
              p.legal_area::text AS "legalArea", p.measured_area::text AS "measuredArea", p.recovered_area::text AS "recoveredArea", p.position, p.origin, p.eligible,
              p.certificate_number AS "certificateNumber"
       FROM parcels p JOIN admin_units au ON au.id = p.commune_id WHERE p.case_id = ANY($1) ORDER BY p.map_sheet, p.parcel_number`,
      [caseIds],
    );
  }

  /** The case's recovered area (m², exact text; "0" without parcels). */
  async recoveredArea(caseId: string): Promise<string> {
    const [row] = await this.db.query<{ recovered: string }[]>(
      'SELECT coalesce(sum(recovered_area), 0)::text AS recovered FROM parcels WHERE case_id = $1',
      [caseId],
    );
    return row.recovered;
  }
}
