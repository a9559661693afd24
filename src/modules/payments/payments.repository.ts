import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentListRow } from './payment-list-workbook.js';

/** The payment list's plan: its name, version and project. */
export interface ListPlan {
  id: string;
  version: number;
  name: string;
  projectId: string;
}

/** What the list's heading cites of the plan and its project. */
export interface ListHeading {
  name: string;
  approvalNumber: string | null;
  approvedOn: string | null;
  projectName: string;
  district: string;
}

/**
 * The SQL of payments. The payment list reads its plan's households (plans, cases, land users, communes) with the
 * payments: crossings listed in src/ownership.ts until those owners answer them.
 */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Serialises the requests carrying one Idempotency-Key until the caller's transaction ends. */
  async lockIdempotencyKey(em: EntityManager, key: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`payment:${key}`]);
  }

  async listPlan(planId: string): Promise<ListPlan | null> {
    const [row] = await this.db.query<ListPlan[]>(
      `SELECT id, version, name, project_id AS "projectId" FROM plans WHERE id = $1`,
      [planId],
    );
    return row ?? null;
  }

  /** The last payment recorded on the plan: a list states the payments recorded up to its issue. */
  async recordedUpTo(planId: string): Promise<string> {
    const [row] = await this.db.query<{ upTo: string }[]>(
      `SELECT coalesce(max(recorded_at), '-infinity')::text AS "upTo" FROM payments WHERE plan_id = $1`,
      [planId],
    );
    return row.upTo;
  }

  /**
   * One row per household of the plan: approved, the late amount accrued, paid, deposited, as recorded up to `upTo`.
   */
  listRows(planId: string, upTo: string): Promise<PaymentListRow[]> {
    return this.db.query<PaymentListRow[]>(
      `SELECT lu.full_name AS name, au.name AS commune, coalesce(pc.recovery_number, '') AS recovery, pc.net::text AS approved,
              coalesce(sum(p.late_amount), 0)::text AS late,
              coalesce(sum(p.amount) FILTER (WHERE p.method <> 'treasury_deposit'), 0)::text AS paid,
              coalesce(sum(p.amount) FILTER (WHERE p.method = 'treasury_deposit'), 0)::text AS deposited
       FROM plan_cases pc JOIN cases c ON c.id = pc.case_id JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       LEFT JOIN payments p ON p.case_id = pc.case_id AND p.plan_id = pc.plan_id AND p.recorded_at <= $2::timestamptz
       WHERE pc.plan_id = $1 GROUP BY pc.case_id, lu.full_name, au.name, pc.recovery_number, pc.net, c.search_text ORDER BY c.search_text, pc.case_id`,
      [planId, upTo],
    );
  }

  async listHeading(planId: string): Promise<ListHeading | null> {
    const [row] = await this.db.query<ListHeading[]>(
      `SELECT pl.name, pl.approval_number AS "approvalNumber", to_char(pl.approved_on, 'YYYY-MM-DD') AS "approvedOn", p.name AS "projectName",
              (SELECT d.name FROM project_communes pc JOIN admin_units au ON au.id = pc.commune_id JOIN admin_units d ON d.id = au.parent_id WHERE pc.project_id = p.id LIMIT 1) AS district
       FROM plans pl JOIN projects p ON p.id = pl.project_id WHERE pl.id = $1`,
      [planId],
    );
    return row ?? null;
  }

  /**
   * What a case's payments have settled so far, on the caller's connection: the approved figure (principal), the
   * late amounts accrued on principal paid after the deadline, and the part of the payments that paid them.
   */
  async settlement(
    em: EntityManager,
    caseId: string,
  ): Promise<{ principal: string; lateAccrued: string; latePaid: string }> {
    const [row] = await em.query<{ principal: string; lateAccrued: string; latePaid: string }[]>(
      `SELECT coalesce(sum(principal), 0)::text AS principal, coalesce(sum(late_amount), 0)::text AS "lateAccrued",
              coalesce(sum(amount - principal), 0)::text AS "latePaid"
       FROM payments WHERE case_id = $1`,
      [caseId],
    );
    return row;
  }

  /**
   * A plan's payments: paid and deposited (all money received), late amounts accrued and paid, and per case its
   * principal and the late amount it is still owed.
   */
  async planTotals(planId: string): Promise<{
    paid: string;
    deposited: string;
    lateAmount: string;
    latePaid: string;
    byCase: Map<string, { principal: string; lateOwed: string }>;
  }> {
    const rows = await this.db.query<
      { caseId: string; paid: string; deposited: string; late: string; latePaid: string; principal: string }[]
    >(
      `SELECT case_id AS "caseId",
              coalesce(sum(amount) FILTER (WHERE method <> 'treasury_deposit'), 0)::text AS paid,
              coalesce(sum(amount) FILTER (WHERE method = 'treasury_deposit'), 0)::text AS deposited,
              coalesce(sum(principal), 0)::text AS principal,
              coalesce(sum(late_amount), 0)::text AS late,
              coalesce(sum(amount - principal), 0)::text AS "latePaid"
       FROM payments WHERE plan_id = $1 GROUP BY case_id`,
      [planId],
    );
    const sum = (f: (r: (typeof rows)[number]) => string) =>
      rows.reduce((total, r) => total + BigInt(f(r)), 0n).toString();
    return {
      paid: sum((r) => r.paid),
      deposited: sum((r) => r.deposited),
      lateAmount: sum((r) => r.late),
      latePaid: sum((r) => r.latePaid),
      byCase: new Map(
        rows.map((r) => [
          r.caseId,
          { principal: r.principal, lateOwed: (BigInt(r.late) - BigInt(r.latePaid)).toString() },
        ]),
      ),
    };
  }
}
