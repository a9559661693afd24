import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Whose deadlines: one project or all, the communes of a commune officer, the projects of an investor (null: any). */
export interface DeadlineScope {
  projectId: string | null;
  communeIds: string[] | null;
  agencyId: string | null;
}

/** A case whose recovery decision is approved and not yet settled (paid in full or deposited). */
export interface AwaitingPaymentRow {
  caseId: string;
  name: string;
  projectCode: string;
  decidedOn: string;
  number: string | null;
}

/** A plan posted for comments. */
export interface PostedPlanRow {
  id: string;
  code: string;
  name: string;
  status: string;
  projectCode: string;
  postedOn: string | null;
}

/** A case under persuasion, since the first persuasion step. */
export interface PersuadingRow {
  caseId: string;
  name: string;
  projectCode: string;
  since: string;
}

/** Chế độ báo cáo in force: the quarterly report is due before this day of the quarter's last month. */
export interface QuarterlyRule {
  day: number;
  basis: string;
}

/** The scope's filter on the projects `p` ($1 the project, $3 the investor); $2, the communes, filters each query. */
const projectFilter = `($1::uuid IS NULL OR p.id = $1) AND ($3::uuid IS NULL OR p.investor_agency_id = $3)`;

/**
 * The SQL of deadlines, a declared reader (src/ownership.ts) of the cases, plans, projects, documents and rules whose
 * dates it computes deadlines from.
 */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  awaitingPayment(scope: DeadlineScope): Promise<AwaitingPaymentRow[]> {
    return this.db.query<AwaitingPaymentRow[]>(
      `SELECT c.id AS "caseId", lu.full_name AS name, p.code AS "projectCode", to_char(pl.approved_on, 'YYYY-MM-DD') AS "decidedOn", pc.recovery_number AS number
       FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id JOIN cases c ON c.id = pc.case_id JOIN projects p ON p.id = c.project_id
       JOIN land_users lu ON lu.id = c.land_user_id
       WHERE pl.approved_on IS NOT NULL AND pc.recovery_number IS NOT NULL
         -- not yet settled: neither paid in full nor deposited (the steps the payments take on the case)
         AND NOT EXISTS (SELECT 1 FROM case_transitions t WHERE t.case_id = c.id AND t.action IN ('payment_completed', 'deposit_recorded'))
         AND ${projectFilter} AND ($2::uuid[] IS NULL OR c.commune_id = ANY($2))`,
      params(scope),
    );
  }

  postedPlans(scope: DeadlineScope): Promise<PostedPlanRow[]> {
    return this.db.query<PostedPlanRow[]>(
      `SELECT pl.id, pl.code, pl.name, pl.status, p.code AS "projectCode", to_char(pl.posted_on, 'YYYY-MM-DD') AS "postedOn"
       FROM plans pl JOIN projects p ON p.id = pl.project_id
       WHERE pl.status IN ('POSTED') AND ${projectFilter}
         AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM project_communes x WHERE x.project_id = p.id AND x.commune_id = ANY($2)))`,
      params(scope),
    );
  }

  persuading(scope: DeadlineScope): Promise<PersuadingRow[]> {
    return this.db.query<PersuadingRow[]>(
      `SELECT c.id AS "caseId", lu.full_name AS name, p.code AS "projectCode",
              (SELECT to_char(min(t.occurred_on), 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'persuade_survey') AS since
       FROM cases c JOIN projects p ON p.id = c.project_id JOIN land_users lu ON lu.id = c.land_user_id
       WHERE c.state = 'PERSUADING_SURVEY' AND ${projectFilter} AND ($2::uuid[] IS NULL OR c.commune_id = ANY($2))`,
      params(scope),
    );
  }

  /** The district (the first by code), or null when none is seeded. */
  async district(): Promise<string | null> {
    const [district] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM admin_units WHERE level = 'district' ORDER BY code LIMIT 1`,
    );
    return district?.id ?? null;
  }

  /** The quarterly report's rule in force on the quarter's last day, or null. */
  async quarterlyRule(end: string): Promise<QuarterlyRule | null> {
    const [rule] = await this.db.query<QuarterlyRule[]>(
      `SELECT due_before_day AS day, basis FROM report_rules WHERE kind = 'quarterly' AND effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
      [end],
    );
    return rule ?? null;
  }

  /** Whether the quarter's report was issued. */
  async quarterlyReportIssued(year: number, quarter: number): Promise<boolean> {
    const [done] = await this.db.query<unknown[]>(
      `SELECT 1 FROM documents WHERE type = 'quarterly_report' AND facts ->> 'year' = $1 AND facts ->> 'quarter' = $2 LIMIT 1`,
      [String(year), String(quarter)],
    );
    return done !== undefined;
  }
}

/** $1 the project, $2 the communes, $3 the investor. */
function params(scope: DeadlineScope): unknown[] {
  return [scope.projectId, scope.communeIds, scope.agencyId];
}
