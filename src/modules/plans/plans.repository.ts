import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Line } from '../compensation/domain/calculator.js';
import { PlanLine } from './plan-line.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { Plan } from './plan.entity.js';

/** Bulk writes of computed lines (a plan may hold 100,000 lines). */
const CHUNK = 5000;

/** A case's totals in a plan. */
export interface PlanCaseFigures {
  caseId: string;
  gross: string;
  net: string;
  debt: string;
  missingBasis: boolean;
  lineCount: number;
  opinion: string | null;
  dialogueHeld: boolean;
}

/** A case's figure in the plan approved for it (see latestApproved). */
export interface ApprovedFigure {
  planId: string;
  /** đồng, as a string of digits */
  net: string;
  approvedOn: string;
  /** the approval decision's number (QĐ phê duyệt phương án) */
  approvalNumber: string | null;
  priceBookId: string;
}

/** What another module names of a plan: its code, status, approval day and project (see PlansService.findRef). */
export interface PlanRef {
  id: string;
  code: string;
  status: string;
  approvedOn: string | null;
  projectId: string;
}

/** One computed line with its plan's project and code (see PlansService.findLine). */
export interface PlanLineRef {
  id: string;
  planId: string;
  caseId: string;
  projectId: string;
  planCode: string;
  category: string;
  itemCode: string;
  sourceId: string | null;
  description: string;
  unit: string;
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

  async findRef(id: string): Promise<PlanRef | null> {
    const [row] = await this.db.query<PlanRef[]>(
      `SELECT id, code, status, to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn", project_id AS "projectId" FROM plans WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async findLine(lineId: string): Promise<PlanLineRef | null> {
    const [row] = await this.db.query<PlanLineRef[]>(
      `SELECT l.id::text AS id, l.plan_id AS "planId", l.case_id AS "caseId", p.project_id AS "projectId", p.code AS "planCode",
              l.category, l.item_code AS "itemCode", l.source_id AS "sourceId", l.description, l.unit
       FROM plan_lines l JOIN plans p ON p.id = l.plan_id WHERE l.id = $1`,
      [lineId],
    );
    return row ?? null;
  }

  /** How many lines of the line's plan and case share its category, item and source. */
  async sameItemLineCount(
    line: Pick<PlanLineRef, 'planId' | 'caseId' | 'category' | 'itemCode' | 'sourceId'>,
  ): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM plan_lines WHERE plan_id = $1 AND case_id = $2 AND category = $3 AND item_code = $4 AND source_id IS NOT DISTINCT FROM $5`,
      [line.planId, line.caseId, line.category, line.itemCode, line.sourceId],
    );
    return row.n;
  }

  /**
   * The fingerprints of these cases' inputs as they stand: kept current by triggers on every write to an input
   * (migration CaseInputFingerprintsKept; the function gpmb_case_input_fingerprints computes them).
   */
  async inputFingerprints(em: EntityManager, caseIds: string[]): Promise<Map<string, string>> {
    const rows = await em.query<{ caseId: string; fingerprint: string }[]>(
      'SELECT case_id AS "caseId", fingerprint FROM case_input_fingerprints WHERE case_id = ANY($1)',
      [caseIds],
    );
    return new Map(rows.map((r) => [r.caseId, r.fingerprint]));
  }

  async storeFingerprints(em: EntityManager, planId: string, fingerprints: Map<string, string>): Promise<void> {
    await em.query(
      `UPDATE plan_cases pc SET input_fingerprint = x.fp FROM unnest($2::uuid[], $3::text[]) AS x(case_id, fp)
       WHERE pc.plan_id = $1 AND pc.case_id = x.case_id`,
      [planId, [...fingerprints.keys()], [...fingerprints.values()]],
    );
  }

  /**
   * The plan's cases whose inputs changed since computation (today's fingerprint differs from the stored one), and
   * those computed before fingerprints were stored (`legacy`, with the hash of their inputs to compare instead).
   */
  fingerprintCheck(
    em: EntityManager,
    planId: string,
  ): Promise<{ caseId: string; legacy: boolean; inputHash: string }[]> {
    return em.query(
      `SELECT pc.case_id AS "caseId", pc.input_fingerprint IS NULL AS legacy, pc.input_hash AS "inputHash"
       FROM plan_cases pc LEFT JOIN case_input_fingerprints f ON f.case_id = pc.case_id
       WHERE pc.plan_id = $1 AND (pc.input_fingerprint IS NULL OR pc.input_fingerprint IS DISTINCT FROM f.fingerprint)`,
      [planId],
    );
  }

  async caseIdsOf(planId: string, em: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await em.query<{ caseId: string }[]>('SELECT case_id AS "caseId" FROM plan_cases WHERE plan_id = $1', [
      planId,
    ]);
    return rows.map((r) => r.caseId);
  }

  /** Whether a structure line of the plan was valued by its age (the year of valuation then counts). */
  async hasAgedStructures(em: EntityManager, planId: string): Promise<boolean> {
    const [row] = await em.query<{ aged: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM plan_lines WHERE plan_id = $1 AND category = 'structure' AND inputs ? 'yearsUsed') AS aged`,
      [planId],
    );
    return row.aged;
  }

  /** The plan's cases with their totals (in no order: the caller orders them by household). */
  caseFigures(planId: string): Promise<PlanCaseFigures[]> {
    return this.db.query<PlanCaseFigures[]>(
      `SELECT case_id AS "caseId", gross::text AS gross, net::text AS net, debt::text AS debt, missing_basis AS "missingBasis",
              line_count AS "lineCount", opinion, dialogue_held AS "dialogueHeld"
       FROM plan_cases WHERE plan_id = $1`,
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
      `SELECT coalesce(sum(f.net), 0)::text AS net
       FROM gpmb_figures_in_force(ARRAY(SELECT pc.case_id FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
                                        WHERE p.id = $1 OR p.parent_plan_id = $1)) f
       JOIN plans p ON p.id = f.plan_id WHERE p.id = $1 OR p.parent_plan_id = $1`,
      [rootId],
    );
    return row.net;
  }

  /**
   * The case's approved figure in force: the latest approved plan that holds the case (an adjustment or a
   * supplementary plan approved later replaces its parent's figure). The one definition of "the approved net".
   */
  async latestApproved(caseId: string): Promise<ApprovedFigure | null> {
    const [row] = await this.db.query<ApprovedFigure[]>(
      `SELECT pc.plan_id AS "planId", pc.net::text AS net, to_char(p.approved_on, 'YYYY-MM-DD') AS "approvedOn",
              p.approval_number AS "approvalNumber", p.price_book_id AS "priceBookId"
       FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
       WHERE pc.case_id = $1 AND pc.plan_id = gpmb_case_plan_in_force($1)`,
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

  /** One plan at a time per project picks its cases: held until the transaction ends. */
  async lockProjectCases(em: EntityManager, projectId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`plan-cases:${projectId}`]);
  }

  /**
   * Those of the cases already in a plan: in any plan, or (`draftOnly`, for an adjustment, which takes cases of its
   * approved parent once) in a draft plan.
   */
  async casesInPlan(em: EntityManager, caseIds: string[], draftOnly: boolean): Promise<Set<string>> {
    const rows = await em.query<{ caseId: string }[]>(
      `SELECT DISTINCT pc.case_id AS "caseId" FROM plan_cases pc JOIN plans x ON x.id = pc.plan_id
       WHERE pc.case_id = ANY($1) AND (NOT $2::boolean OR x.status = 'DRAFT')`,
      [caseIds, draftOnly],
    );
    return new Set(rows.map((r) => r.caseId));
  }

  async countPlans(em: EntityManager, projectId: string): Promise<number> {
    const [{ n }] = await em.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans WHERE project_id = $1', [
      projectId,
    ]);
    return n;
  }

  /** The plan's cases with their net (in no order). */
  caseNets(planId: string, em: EntityManager = this.db.manager): Promise<{ caseId: string; net: string }[]> {
    return em.query<{ caseId: string; net: string }[]>(
      'SELECT case_id AS "caseId", net::text AS net FROM plan_cases WHERE plan_id = $1',
      [planId],
    );
  }

  /** Removes what was computed for these cases in the plan (their lines and totals), before computing them again. */
  async deleteComputed(em: EntityManager, planId: string, caseIds: string[]): Promise<void> {
    await em.query('DELETE FROM plan_lines WHERE plan_id = $1 AND case_id = ANY($2)', [planId, caseIds]);
    await em.query('DELETE FROM plan_cases WHERE plan_id = $1 AND case_id = ANY($2)', [planId, caseIds]);
  }

  /** The plan's totals over its cases. */
  async totals(
    em: EntityManager,
    planId: string,
  ): Promise<{ gross: string; net: string; debt: string; caseCount: number; missingBasisCount: number }> {
    const [sums] = await em.query<
      { gross: string; net: string; debt: string; caseCount: number; missingBasisCount: number }[]
    >(
      `SELECT coalesce(sum(gross), 0)::text AS gross, coalesce(sum(net), 0)::text AS net, coalesce(sum(debt), 0)::text AS debt,
              count(*)::int AS "caseCount", count(*) FILTER (WHERE missing_basis)::int AS "missingBasisCount"
       FROM plan_cases WHERE plan_id = $1`,
      [planId],
    );
    return sums;
  }

  /** The recovery decisions' numbers, case by case. */
  async setRecoveryNumbers(em: EntityManager, planId: string, caseIds: string[], numbers: string[]): Promise<void> {
    await em.query(
      `UPDATE plan_cases pc SET recovery_number = x.number FROM unnest($2::uuid[], $3::varchar[]) AS x(case_id, number)
       WHERE pc.plan_id = $1 AND pc.case_id = x.case_id`,
      [planId, caseIds, numbers],
    );
  }

  /** The consultation's disagreements, and those not yet heard in a dialogue. */
  async opinionCounts(
    em: EntityManager,
    planId: string,
  ): Promise<{ disagreements: number; openDisagreements: number }> {
    const [op] = await em.query<{ disagreements: number; openDisagreements: number }[]>(
      `SELECT count(*) FILTER (WHERE opinion = 'disagree')::int AS disagreements,
              count(*) FILTER (WHERE opinion = 'disagree' AND NOT dialogue_held)::int AS "openDisagreements"
       FROM plan_cases WHERE plan_id = $1`,
      [planId],
    );
    return op;
  }

  /**
   * A plan past draft that holds the case, unless a draft adjustment of it reopens the case: the case's priced data
   * is then frozen (CasesService.assertPricingEditable asks this through the guard PlansService registers).
   */
  async planPastDraft(
    caseId: string,
    em: EntityManager = this.db.manager,
  ): Promise<{ code: string; status: string } | null> {
    const [row] = await em.query<{ code: string; status: string }[]>(
      `SELECT p.code, p.status FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = $1 AND p.status <> 'DRAFT'
         AND NOT EXISTS (SELECT 1 FROM plan_cases a JOIN plans ap ON ap.id = a.plan_id
                         WHERE a.case_id = pc.case_id AND ap.kind = 'adjustment' AND ap.status = 'DRAFT' AND ap.parent_plan_id = p.id)
       LIMIT 1`,
      [caseId],
    );
    return row ?? null;
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

  /** Σ of each case's lines by category in a plan (exact, as stored): the columns of the approval's appendix. */
  categoryTotals(planId: string): Promise<{ caseId: string; category: string; amount: string }[]> {
    return this.db.query<{ caseId: string; category: string; amount: string }[]>(
      `SELECT case_id AS "caseId", category, sum(amount)::text AS amount FROM plan_lines
       WHERE plan_id = $1 AND amount IS NOT NULL GROUP BY case_id, category`,
      [planId],
    );
  }

  /** The plan that first decided the case's recovery (its QĐ thu hồi đất): the number and the day, or null. */
  async recoveryDecision(caseId: string): Promise<{ number: string; decidedOn: string } | null> {
    const [row] = await this.db.query<{ number: string; decidedOn: string }[]>(
      `SELECT pc.recovery_number AS number, to_char(pl.approved_on, 'YYYY-MM-DD') AS "decidedOn"
       FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id
       WHERE pc.case_id = $1 AND pc.recovery_number IS NOT NULL ORDER BY pl.approved_on LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }

  /** The plans holding a case, newest first, with the case's net in each. */
  plansOfCase(
    caseId: string,
  ): Promise<{ planId: string; planCode: string; planName: string; status: string; net: string }[]> {
    return this.db.query<{ planId: string; planCode: string; planName: string; status: string; net: string }[]>(
      `SELECT p.id AS "planId", p.code AS "planCode", p.name AS "planName", p.status, pc.net::text AS net
       FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id WHERE pc.case_id = $1 ORDER BY p.created_at DESC`,
      [caseId],
    );
  }
}
