import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { searchKey } from '../../shared/vn-number.js';
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
  name: string;
  address: string | null;
  commune: string;
  communeKind: string;
  district: string;
  noticeRef: string | null;
  noticeOn: string | null;
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

  async lastStepOn(caseId: string, action: string): Promise<string | null> {
    const [row] = await this.db.query<{ on: string | null }[]>(
      `SELECT to_char(max(occurred_on), 'YYYY-MM-DD') AS "on" FROM case_transitions WHERE case_id = $1 AND action = $2`,
      [caseId, action],
    );
    return row?.on ?? null;
  }

  /**
   * A plan past draft that holds the case, unless a draft adjustment of it reopens the case (crossing into plans'
   * tables: listed in src/ownership.ts until plans answers it).
   */
  async planPastDraft(caseId: string): Promise<{ code: string; status: string } | null> {
    const [row] = await this.db.query<{ code: string; status: string }[]>(
      `SELECT p.code, p.status FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = $1 AND p.status <> 'DRAFT'
         AND NOT EXISTS (SELECT 1 FROM plan_cases a JOIN plans ap ON ap.id = a.plan_id
                         WHERE a.case_id = pc.case_id AND ap.kind = 'adjustment' AND ap.status = 'DRAFT' AND ap.parent_plan_id = p.id)
       LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }

  /** Who and where, as a case's documents print it; the recovery notice's reference and date when delivered. */
  async heading(caseId: string): Promise<CaseHeading | null> {
    const [row] = await this.db.query<CaseHeading[]>(
      `SELECT c.id AS "caseId", c.project_id AS "projectId", lu.full_name AS name, lu.address, au.name AS commune,
              au.kind AS "communeKind", d.name AS district,
              (SELECT t.document_ref FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeRef",
              (SELECT to_char(t.occurred_on, 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeOn"
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id JOIN admin_units d ON d.id = au.parent_id
       WHERE c.id = $1`,
      [caseId],
    );
    return row ?? null;
  }

  async communeName(id: string): Promise<string> {
    const [row] = await this.db.query<{ name: string }[]>('SELECT name FROM admin_units WHERE id = $1', [id]);
    return row?.name ?? '';
  }
}
