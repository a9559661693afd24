import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseInput, ItemInput, Line, ParcelInput } from '../compensation/domain/calculator.js';
import { PlanLine } from './plan-line.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { Plan } from './plan.entity.js';

export interface CaseMeta {
  caseId: string;
  communeId: string;
  communeName: string;
  fullName: string;
  state: string;
  noticeDeliveredOn: string | null;
}

const CHUNK = 5000;

/** Bulk reads of pricing inputs and bulk writes of computed lines (a plan may hold 100,000 lines). */
export interface PlanCaseRow {
  caseId: string;
  fullName: string;
  communeName: string;
  gross: string;
  net: string;
  debt: string;
  missingBasis: boolean;
  lineCount: number;
}

/** A case's figure in the plan approved for it (see latestApproved). */
export interface ApprovedFigure {
  planId: string;
  /** đồng, as a string of digits */
  net: string;
  approvedOn: string;
  priceBookId: string;
}

@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The use case's transaction: every query inside runs on its connection (see transaction-scope.ts). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  findPlan(id: string): Promise<Plan | null> {
    return this.db.getRepository(Plan).findOneBy({ id });
  }

  findByProject(projectId: string): Promise<Plan[]> {
    return this.db.getRepository(Plan).find({ where: { projectId }, order: { code: 'ASC' } });
  }

  async caseIdsOf(planId: string): Promise<string[]> {
    const rows = await this.db.query<{ caseId: string }[]>(
      'SELECT case_id AS "caseId" FROM plan_cases WHERE plan_id = $1',
      [planId],
    );
    return rows.map((r) => r.caseId);
  }

  /** The plan's households with their totals, in name order. */
  caseRows(planId: string): Promise<PlanCaseRow[]> {
    return this.db.query<PlanCaseRow[]>(
      `SELECT pc.case_id AS "caseId", lu.full_name AS "fullName", au.name AS "communeName", pc.gross::text AS gross, pc.net::text AS net,
              pc.debt::text AS debt, pc.missing_basis AS "missingBasis", pc.line_count AS "lineCount"
       FROM plan_cases pc JOIN cases c ON c.id = pc.case_id JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       WHERE pc.plan_id = $1 ORDER BY c.search_text, c.id`,
      [planId],
    );
  }

  linePage(
    planId: string,
    f: { caseId?: string; category?: string; status?: string },
    page: number,
    pageSize: number,
  ): Promise<[PlanLine[], number]> {
    const qb = this.db.getRepository(PlanLine).createQueryBuilder('l').where('l.planId = :planId', { planId });
    if (f.caseId) qb.andWhere('l.caseId = :caseId', { caseId: f.caseId });
    if (f.category) qb.andWhere('l.category = :category', { category: f.category });
    if (f.status) qb.andWhere('l.status = :status', { status: f.status });
    return qb
      .orderBy('l.caseId')
      .addOrderBy('l.seq')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  linesOf(planId: string): Promise<PlanLine[]> {
    return this.db.getRepository(PlanLine).find({ where: { planId }, order: { caseId: 'ASC', seq: 'ASC' } });
  }

  transitionsOf(planId: string): Promise<PlanTransition[]> {
    return this.db.getRepository(PlanTransition).find({ where: { planId }, order: { recordedAt: 'ASC' } });
  }

  netByCommune(planId: string): Promise<{ communeId: string; communeName: string; caseCount: number; net: string }[]> {
    return this.db.query(
      `SELECT c.commune_id AS "communeId", au.name AS "communeName", count(*)::int AS "caseCount", sum(pc.net)::text AS net
       FROM plan_cases pc JOIN cases c ON c.id = pc.case_id JOIN admin_units au ON au.id = c.commune_id
       WHERE pc.plan_id = $1 GROUP BY c.commune_id, au.name ORDER BY au.name`,
      [planId],
    );
  }

  /** The original plan and its supplementary and adjusted plans. */
  family(rootId: string): Promise<{ id: string; code: string; kind: string; status: string; net: string }[]> {
    return this.db.query(
      `SELECT id, code, kind, status, net::text AS net FROM plans WHERE id = $1 OR parent_plan_id = $1 ORDER BY created_at`,
      [rootId],
    );
  }

  /** A family's approved total: each case once, at its latest approved version (an adjustment replaces its parent's). */
  async familyApprovedNet(rootId: string): Promise<string> {
    const [row] = await this.db.query<{ net: string }[]>(
      `SELECT coalesce(sum(net), 0)::text AS net FROM (
         SELECT DISTINCT ON (pc.case_id) pc.net FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
         WHERE (p.id = $1 OR p.parent_plan_id = $1) AND p.status IN ('APPROVED', 'PUBLISHED')
         ORDER BY pc.case_id, p.approved_on DESC, p.created_at DESC) latest`,
      [rootId],
    );
    return row.net;
  }

  /** Everything the calculator needs for these cases, in three queries. Items: the case's current signed record. */
  /**
   * The case's approved figure in force: the latest approved plan that holds the case (an adjustment or a
   * supplementary plan approved later replaces its parent's figure). The one definition of "the approved net".
   */
  async latestApproved(caseId: string): Promise<ApprovedFigure | null> {
    const [row] = await this.db.query<ApprovedFigure[]>(
      `SELECT pc.plan_id AS "planId", pc.net::text AS net, to_char(p.approved_on, 'YYYY-MM-DD') AS "approvedOn",
              p.price_book_id AS "priceBookId"
       FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
       WHERE pc.case_id = $1 AND p.status IN ('APPROVED', 'PUBLISHED') ORDER BY p.approved_on DESC, p.created_at DESC LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }

  /** The day of the case's first approved plan: its recovery decision (V2013: issued with the plan's approval). */
  async firstApprovedOn(caseId: string): Promise<string | null> {
    const [row] = await this.db.query<{ approvedOn: string }[]>(
      `SELECT to_char(p.approved_on, 'YYYY-MM-DD') AS "approvedOn" FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
       WHERE pc.case_id = $1 AND p.status IN ('APPROVED', 'PUBLISHED') ORDER BY p.approved_on LIMIT 1`,
      [caseId],
    );
    return row?.approvedOn ?? null;
  }

  /** What a plan grants a case in compensation and support: every line but deductions and rounding. */
  async compensationAndSupport(planId: string, caseId: string): Promise<string> {
    const [row] = await this.db.query<{ total: string }[]>(
      `SELECT trim_scale(coalesce(sum(amount), 0))::text AS total FROM plan_lines
       WHERE plan_id = $1 AND case_id = $2 AND category NOT IN ('deduction', 'rounding')`,
      [planId, caseId],
    );
    return row.total;
  }

  async loadInputs(
    em: EntityManager,
    caseIds: string[],
  ): Promise<{ inputs: CaseInput[]; meta: Map<string, CaseMeta>; afterNoticeItems: Map<string, string[]> }> {
    const cases: {
      id: string;
      kind: CaseInput['kind'];
      members: number;
      directlyFarming: boolean;
      communeCode: string;
      communeId: string;
      communeName: string;
      fullName: string;
      state: string;
      noticeDeliveredOn: string | null;
      facts: CaseInput['facts'];
    }[] = await em.query(
      `SELECT c.id, lu.kind, jsonb_array_length(lu.members)::int AS members, lu.directly_farming AS "directlyFarming", au.code AS "communeCode",
              au.id AS "communeId", au.name AS "communeName", lu.full_name AS "fullName", c.state,
              to_char(c.notice_delivered_on, 'YYYY-MM-DD') AS "noticeDeliveredOn", c.pricing_facts AS facts
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       WHERE c.id = ANY($1) ORDER BY c.search_text, c.id`,
      [caseIds],
    );
    // A parcel with several land uses is priced use by use (each land type at its own price, NĐ 88 Đ6).
    const parcels: (ParcelInput & { caseId: string })[] = await em.query(
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
    const items: (ItemInput & { caseId: string })[] = await em.query(
      `SELECT i.case_id AS "caseId", it.id, it.kind, it.item_code AS "itemCode", it.description, it.quantity::text AS quantity, it.unit,
              it.attributes, it.after_notice AS "afterNotice"
       FROM inventories i JOIN inventory_items it ON it.inventory_id = i.id
       WHERE i.case_id = ANY($1) AND i.status = 'signed' ORDER BY it.position`,
      [caseIds],
    );
    const byCase = <T extends { caseId: string }>(rows: T[]) => {
      const m = new Map<string, Omit<T, 'caseId'>[]>();
      for (const { caseId, ...rest } of rows) (m.get(caseId) ?? m.set(caseId, []).get(caseId)!).push(rest);
      return m;
    };
    const parcelsOf = byCase(parcels);
    const itemsOf = byCase(items);
    const meta = new Map<string, CaseMeta>();
    const afterNoticeItems = new Map<string, string[]>();
    const inputs = cases.map((c) => {
      meta.set(c.id, {
        caseId: c.id,
        communeId: c.communeId,
        communeName: c.communeName,
        fullName: c.fullName,
        state: c.state,
        noticeDeliveredOn: c.noticeDeliveredOn,
      });
      const its = (itemsOf.get(c.id) ?? []) as ItemInput[];
      afterNoticeItems.set(
        c.id,
        its.filter((i) => i.afterNotice).map((i) => i.id),
      );
      return {
        caseId: c.id,
        kind: c.kind,
        members: c.members,
        directlyFarming: c.directlyFarming,
        communeCode: c.communeCode,
        parcels: parcelsOf.get(c.id) ?? [],
        items: its,
        facts: c.facts ?? {},
      };
    });
    return { inputs, meta, afterNoticeItems };
  }

  async insertLines(em: EntityManager, planId: string, rows: { caseId: string; lines: Line[] }[]): Promise<void> {
    const flat = rows.flatMap(({ caseId, lines }) => lines.map((l, i) => ({ caseId, seq: i + 1, l })));
    for (let i = 0; i < flat.length; i += CHUNK) {
      const part = flat.slice(i, i + CHUNK);
      const col = <T>(f: (x: (typeof part)[number]) => T) => part.map(f);
      await em.query(
        `INSERT INTO plan_lines (plan_id, case_id, seq, category, item_code, description, quantity, unit, unit_price, amount, status, missing, inputs, basis, source_id)
         SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::numeric[], $8::varchar[], $9::numeric[],
                                  $10::numeric[], $11::varchar[], $12::varchar[], $13::jsonb[], $14::text[], $15::uuid[])`,
        [
          planId,
          col((x) => x.caseId),
          col((x) => x.seq),
          col((x) => x.l.category),
          col((x) => x.l.itemCode.slice(0, 40)),
          col((x) => x.l.description.slice(0, 500)),
          col((x) => x.l.quantity),
          col((x) => x.l.unit.slice(0, 20)),
          col((x) => x.l.unitPrice),
          col((x) => x.l.amount),
          col((x) => x.l.status),
          col((x) => x.l.missing),
          col((x) => JSON.stringify(x.l.inputs)),
          col((x) => x.l.basis),
          col((x) => x.l.sourceId),
        ],
      );
    }
  }

  async insertPlanCases(
    em: EntityManager,
    planId: string,
    rows: {
      caseId: string;
      gross: string;
      net: string;
      debt: string;
      missingBasis: boolean;
      inputHash: string;
      lineCount: number;
    }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await em.query(
        `INSERT INTO plan_cases (plan_id, case_id, gross, net, debt, missing_basis, input_hash, line_count)
         SELECT $1, * FROM unnest($2::uuid[], $3::numeric[], $4::bigint[], $5::bigint[], $6::boolean[], $7::char(64)[], $8::int[])`,
        [
          planId,
          part.map((r) => r.caseId),
          part.map((r) => r.gross),
          part.map((r) => r.net),
          part.map((r) => r.debt),
          part.map((r) => r.missingBasis),
          part.map((r) => r.inputHash),
          part.map((r) => r.lineCount),
        ],
      );
    }
  }
}
