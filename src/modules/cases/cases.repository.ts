import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { searchKey } from '../../shared/vn-number.js';
import type { PricingFacts } from '../compensation/domain/calculator.js';
import type { LandUserKind } from '../land-users/land-user.entity.js';
import { CaseTransition } from './case-transition.entity.js';
import { Case } from './case.entity.js';

export interface CaseListFilter {
  projectId: string;
  communeIds?: string[]; // scope (commune officers)
  communeId?: string;
  state?: string;
  batch?: string;
  poorHousehold?: boolean;
  policyFamily?: boolean;
  directlyFarming?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export interface CaseRow {
  id: string;
  projectId: string;
  communeId: string;
  communeName: string;
  batch: string | null;
  state: string;
  noticeDeliveredOn: string | null;
  version: number;
  landUserId: string;
  kind: string;
  fullName: string;
  cccd: string | null;
  parcelCount: number;
  recoveredArea: string;
}

/** A case as its documents name it: the land user, the commune and district, the recovery notice. */
export interface CaseHeading {
  caseId: string;
  projectId: string;
  communeId: string;
  name: string;
  address: string | null;
  commune: string;
  communeKind: string;
  district: string;
  noticeRef: string | null;
  noticeOn: string | null;
}

/** A case as a list of households names it. */
export interface CaseHolder {
  caseId: string;
  projectId: string;
  communeId: string;
  name: string;
  commune: string;
}

/** When a case's recovery notice was delivered (null: not yet). */
export interface CaseNotice {
  caseId: string;
  name: string;
  noticeDeliveredOn: string | null;
}

/** What pricing a case needs from the case and its holder (the calculator's case input, less parcels and items). */
export interface PricingCase {
  id: string;
  kind: LandUserKind;
  members: number;
  directlyFarming: boolean;
  communeCode: string;
  communeId: string;
  communeName: string;
  fullName: string;
  state: string;
  noticeDeliveredOn: string | null;
  facts: PricingFacts | null;
}

/** A case as the Excel intake creates it. */
export type NewCase = Pick<
  Case,
  'projectId' | 'landUserId' | 'communeId' | 'batch' | 'state' | 'noticeDeliveredOn' | 'note'
>;

/** A project's case as the Excel export lists it: its land user, commune and batch. */
export interface CaseRosterRow {
  id: string;
  landUserId: string;
  commune: string;
  batch: string | null;
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The use case's transaction: every query inside runs on its connection (see transaction-scope.ts). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * One page of cases, ordered by the accent-folded name (index cases(project_id, search_text)), with the total.
   * Text search is a LIKE on search_text (trigram index), which holds name, CCCD and parcel numbers.
   */
  async list(f: CaseListFilter): Promise<{ rows: CaseRow[]; total: number }> {
    const where: string[] = ['c.project_id = $1'];
    const params: unknown[] = [f.projectId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.communeIds) add('c.commune_id = ANY(?)', f.communeIds);
    if (f.communeId) add('c.commune_id = ?', f.communeId);
    if (f.state) add('c.state = ?', f.state);
    if (f.batch) add('c.batch = ?', f.batch);
    if (f.poorHousehold !== undefined) add('c.poor_household = ?', f.poorHousehold);
    if (f.policyFamily !== undefined) add('c.policy_family = ?', f.policyFamily);
    if (f.directlyFarming !== undefined) add('c.directly_farming = ?', f.directlyFarming);
    if (f.q && searchKey(f.q)) add(`c.search_text LIKE ?`, `%${searchKey(f.q).replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    // Filters and search use cases' own columns (the land user's flags and name are copied there by triggers), so
    // the count and the page stay on cases' indexes; the page is picked by id before any other table is read.
    const from = `FROM cases c WHERE ${where.join(' AND ')}`;
    const [[{ total }], rows] = await Promise.all([
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
      this.db.query<CaseRow[]>(
        `SELECT c.id, c.project_id AS "projectId", c.commune_id AS "communeId", au.name AS "communeName", c.batch, c.state,
                to_char(c.notice_delivered_on, 'YYYY-MM-DD') AS "noticeDeliveredOn", c.version, lu.id AS "landUserId", lu.kind,
                lu.full_name AS "fullName", lu.cccd,
                (SELECT count(*)::int FROM parcels p WHERE p.case_id = c.id) AS "parcelCount",
                (SELECT coalesce(sum(p.recovered_area), 0)::text FROM parcels p WHERE p.case_id = c.id) AS "recoveredArea"
         FROM (SELECT c.id, c.search_text ${from} ORDER BY c.search_text, c.id LIMIT ${f.limit} OFFSET ${f.offset}) page
         JOIN cases c ON c.id = page.id
         JOIN land_users lu ON lu.id = c.land_user_id
         JOIN admin_units au ON au.id = c.commune_id
         ORDER BY page.search_text, page.id`,
        params,
      ),
    ]);
    return { rows, total };
  }

  findById(id: string, em: EntityManager = this.db.manager): Promise<Case | null> {
    return em.getRepository(Case).findOne({ where: { id }, relations: { landUser: true } });
  }

  lock(em: EntityManager, id: string): Promise<Case | null> {
    return em.getRepository(Case).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  transitions(caseId: string, em: EntityManager = this.db.manager): Promise<CaseTransition[]> {
    return em
      .getRepository(CaseTransition)
      .find({ where: { caseId }, order: { recordedAt: 'ASC', occurredOn: 'ASC' } });
  }

  /** Cases by id with their holder's name and commune, in the order of the case list (name, then id). */
  holders(caseIds: string[]): Promise<CaseHolder[]> {
    return this.db.query<CaseHolder[]>(
      `SELECT c.id AS "caseId", c.project_id AS "projectId", c.commune_id AS "communeId", lu.full_name AS name, au.name AS commune
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       WHERE c.id = ANY($1) ORDER BY c.search_text, c.id`,
      [caseIds],
    );
  }

  async firstStepOn(caseId: string, action: string): Promise<string | null> {
    const [row] = await this.db.query<{ on: string | null }[]>(
      `SELECT to_char(min(occurred_on), 'YYYY-MM-DD') AS "on" FROM case_transitions WHERE case_id = $1 AND action = $2`,
      [caseId, action],
    );
    return row?.on ?? null;
  }

  /** The step last recorded (by recording time) with this action: its document and its day. */
  async lastStep(caseId: string, action: string): Promise<{ documentRef: string; occurredOn: string } | null> {
    const [row] = await this.db.query<{ documentRef: string; occurredOn: string }[]>(
      `SELECT document_ref AS "documentRef", to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn" FROM case_transitions
       WHERE case_id = $1 AND action = $2 ORDER BY recorded_at DESC LIMIT 1`,
      [caseId, action],
    );
    return row ?? null;
  }

  async lastStepOn(caseId: string, action: string): Promise<string | null> {
    const [row] = await this.db.query<{ on: string | null }[]>(
      `SELECT to_char(max(occurred_on), 'YYYY-MM-DD') AS "on" FROM case_transitions WHERE case_id = $1 AND action = $2`,
      [caseId, action],
    );
    return row?.on ?? null;
  }

  /** A project's cases within a scope (batch, commune, listed ids), with their state: the candidates of a plan. */
  inScope(
    em: EntityManager,
    f: { projectId: string; batch: string | null; communeId: string | null; caseIds: string[] | null },
  ): Promise<{ id: string; state: string }[]> {
    return em.query<{ id: string; state: string }[]>(
      `SELECT c.id, c.state
       FROM cases c WHERE c.project_id = $1 AND ($2::varchar IS NULL OR c.batch = $2) AND ($3::uuid IS NULL OR c.commune_id = $3)
         AND ($4::uuid[] IS NULL OR c.id = ANY($4))`,
      [f.projectId, f.batch, f.communeId, f.caseIds],
    );
  }

  /** Locks the cases at once, in id order (the order the progress triggers lock in). */
  async lockInIdOrder(em: EntityManager, ids: string[]): Promise<void> {
    await em.query('SELECT id FROM cases WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
  }

  /** The cases' communes, in commune name order. */
  communes(ids: string[]): Promise<{ caseId: string; communeId: string; communeName: string }[]> {
    return this.db.query<{ caseId: string; communeId: string; communeName: string }[]>(
      `SELECT c.id AS "caseId", c.commune_id AS "communeId", au.name AS "communeName"
       FROM cases c JOIN admin_units au ON au.id = c.commune_id
       WHERE c.id = ANY($1) ORDER BY au.name, c.commune_id`,
      [ids],
    );
  }

  /** When each case's recovery notice was delivered, the latest first (not yet delivered before all). */
  notices(em: EntityManager, ids: string[]): Promise<CaseNotice[]> {
    return em.query<CaseNotice[]>(
      `SELECT c.id AS "caseId", lu.full_name AS name, to_char(c.notice_delivered_on, 'YYYY-MM-DD') AS "noticeDeliveredOn"
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id
       WHERE c.id = ANY($1) ORDER BY c.notice_delivered_on DESC NULLS FIRST`,
      [ids],
    );
  }

  /** The communes of these cases (code, name, kind), in name order. */
  communesOf(em: EntityManager, ids: string[]): Promise<{ code: string; name: string; kind: string }[]> {
    return em.query(
      `SELECT DISTINCT au.code, au.name, au.kind FROM cases c JOIN admin_units au ON au.id = c.commune_id
       WHERE c.id = ANY($1) ORDER BY au.name`,
      [ids],
    );
  }

  /** What pricing needs of each case (its holder, commune, state, pricing facts), in name order. */
  pricingCases(em: EntityManager, ids: string[]): Promise<PricingCase[]> {
    return em.query<PricingCase[]>(
      `SELECT c.id, lu.kind,
              CASE WHEN jsonb_array_length(lu.members) > 0 THEN jsonb_array_length(lu.members) ELSE coalesce(lu.household_size, 0) END AS members,
              lu.directly_farming AS "directlyFarming", au.code AS "communeCode",
              au.id AS "communeId", au.name AS "communeName", lu.full_name AS "fullName", c.state,
              to_char(c.notice_delivered_on, 'YYYY-MM-DD') AS "noticeDeliveredOn", c.pricing_facts AS facts
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       WHERE c.id = ANY($1) ORDER BY c.search_text, c.id`,
      [ids],
    );
  }

  /** The cases of one land user, in any project. */
  async caseIdsOfLandUser(em: EntityManager, landUserId: string): Promise<string[]> {
    return (await em.getRepository(Case).find({ where: { landUserId }, select: { id: true } })).map((c) => c.id);
  }

  /** The land users among these who already have a case in the project, in the caller's transaction. */
  async landUsersWithCase(em: EntityManager, projectId: string, landUserIds: string[]): Promise<string[]> {
    const rows = await em.getRepository(Case).findBy({ projectId, landUserId: In(landUserIds) });
    return rows.map((c) => c.landUserId);
  }

  /** Whether the land user has a case in one of these communes (a commune officer's reach). */
  async landUserInCommunes(em: EntityManager, landUserId: string, communeIds: string[]): Promise<boolean> {
    return (await this.landUsersInCommunes(em, [landUserId], communeIds)).length > 0;
  }

  /** Of these land users, those with a case in one of these communes. */
  async landUsersInCommunes(em: EntityManager, landUserIds: string[], communeIds: string[]): Promise<string[]> {
    if (landUserIds.length === 0 || communeIds.length === 0) return [];
    const rows = await em.getRepository(Case).findBy({ landUserId: In(landUserIds), communeId: In(communeIds) });
    return [...new Set(rows.map((c) => c.landUserId))];
  }

  /** One INSERT of the rows (the caller keeps the batch small), in the caller's transaction; ids in the rows' order. */
  async insertMany(em: EntityManager, rows: NewCase[]): Promise<string[]> {
    const res = await em.getRepository(Case).insert(rows);
    return res.identifiers.map((r) => r.id as string);
  }

  /** A project's cases (within the communes given, or all), in the order of the case list (name, then id). */
  roster(projectId: string, communeIds: string[] | null): Promise<CaseRosterRow[]> {
    return this.db.query<CaseRosterRow[]>(
      `SELECT c.id, c.land_user_id AS "landUserId", au.name AS commune, c.batch
       FROM cases c JOIN admin_units au ON au.id = c.commune_id
       WHERE c.project_id = $1 AND ($2::uuid[] IS NULL OR c.commune_id = ANY($2)) ORDER BY c.search_text, c.id`,
      [projectId, communeIds],
    );
  }

  async setExecutionSuspension(em: EntityManager, caseId: string, by: string | null): Promise<void> {
    await em.query('UPDATE cases SET execution_suspended_by = $2 WHERE id = $1', [caseId, by]);
  }

  /** Who and where, as a case's documents print it; the recovery notice's reference and date when delivered. */
  async heading(caseId: string): Promise<CaseHeading | null> {
    const [row] = await this.db.query<CaseHeading[]>(
      `SELECT c.id AS "caseId", c.project_id AS "projectId", c.commune_id AS "communeId", lu.full_name AS name, lu.address, au.name AS commune,
              au.kind AS "communeKind", d.name AS district,
              (SELECT t.document_ref FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeRef",
              (SELECT to_char(t.occurred_on, 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeOn"
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id JOIN admin_units d ON d.id = au.parent_id
       WHERE c.id = $1`,
      [caseId],
    );
    return row ?? null;
  }

  async projectOf(caseId: string): Promise<string | null> {
    const [row] = await this.db.query<{ projectId: string }[]>(
      'SELECT project_id AS "projectId" FROM cases WHERE id = $1',
      [caseId],
    );
    return row?.projectId ?? null;
  }

  async communeName(id: string): Promise<string> {
    const [row] = await this.db.query<{ name: string }[]>('SELECT name FROM admin_units WHERE id = $1', [id]);
    return row?.name ?? '';
  }

  /** The case a recorded step belongs to, or null. */
  async caseOfStep(transitionId: string): Promise<string | null> {
    const row = await this.db
      .getRepository(CaseTransition)
      .findOne({ where: { id: transitionId }, select: { caseId: true } });
    return row?.caseId ?? null;
  }

  /** How many cases stand in each state, per project, within a scope (communes, projects; null: no limit). */
  stateCounts(
    communeIds: string[] | null,
    projectIds: string[] | null,
  ): Promise<{ projectId: string; state: string; count: number }[]> {
    return this.db.query<{ projectId: string; state: string; count: number }[]>(
      `SELECT project_id AS "projectId", state, count(*)::int AS count FROM cases
       WHERE ($1::uuid[] IS NULL OR commune_id = ANY($1)) AND ($2::uuid[] IS NULL OR project_id = ANY($2))
       GROUP BY project_id, state`,
      [communeIds, projectIds],
    );
  }

  /** Amounts of many cases added up by the cases' commune, in commune name order (one statement, sums in SQL). */
  totalsByCommune(
    caseIds: string[],
    amounts: string[],
  ): Promise<{ communeId: string; communeName: string; caseCount: number; net: string }[]> {
    return this.db.query<{ communeId: string; communeName: string; caseCount: number; net: string }[]>(
      `SELECT c.commune_id AS "communeId", au.name AS "communeName", count(*)::int AS "caseCount", sum(x.amount)::text AS net
       FROM unnest($1::uuid[], $2::bigint[]) AS x(case_id, amount) JOIN cases c ON c.id = x.case_id
       JOIN admin_units au ON au.id = c.commune_id
       GROUP BY c.commune_id, au.name ORDER BY au.name, c.commune_id`,
      [caseIds, amounts],
    );
  }
}
