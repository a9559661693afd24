import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../../core/auth/user.entity.js';

/** Money paid to households (other than by deposit) and deposited with the Treasury in a period, per project. */
export interface ProjectMoneyRow {
  projectId: string;
  paid: string;
  deposited: string;
}

/** A difficulty recorded on a case (a refusal, a compulsory decision, a deposit), as the report lists it. */
export interface DifficultyRow {
  code: string;
  name: string;
  action: string;
  on: string;
  ref: string;
  note: string;
}

/** Area handed over on one day (numeric as text). */
export interface HandoverDayRow {
  date: string;
  area: string;
}

/**
 * The SQL of reports, a declared reader (src/ownership.ts) of the cases, steps, payments, engagements and handovers
 * the quarterly report adds up.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The use case's transaction: every query inside runs on its connection (see transaction-scope.ts). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** The user who asked for a report, or null. */
  requester(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id } });
  }

  /** Paid and deposited between `from` and `to` (payment dates), per project that has any. */
  moneyPerProject(projectIds: string[], from: string, to: string): Promise<ProjectMoneyRow[]> {
    return this.db.query<ProjectMoneyRow[]>(
      `SELECT c.project_id AS "projectId", coalesce(sum(p.amount) FILTER (WHERE p.method <> 'treasury_deposit'), 0)::text AS paid,
              coalesce(sum(p.amount) FILTER (WHERE p.method = 'treasury_deposit'), 0)::text AS deposited
       FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.project_id = ANY($1) AND p.paid_on BETWEEN $2 AND $3 GROUP BY c.project_id`,
      [projectIds, from, to],
    );
  }

  /** The steps among `actions` taken on the projects' cases between `from` and `to`, by project, date and name. */
  difficulties(projectIds: string[], from: string, to: string, actions: string[]): Promise<DifficultyRow[]> {
    return this.db.query<DifficultyRow[]>(
      `SELECT p.code, lu.full_name AS name, t.action, to_char(t.occurred_on, 'YYYY-MM-DD') AS "on", t.document_ref AS ref, t.note
       FROM case_transitions t JOIN cases c ON c.id = t.case_id JOIN projects p ON p.id = c.project_id JOIN land_users lu ON lu.id = c.land_user_id
       WHERE c.project_id = ANY($1) AND t.occurred_on BETWEEN $2 AND $3 AND t.action = ANY($4) ORDER BY p.code, t.occurred_on, lu.full_name`,
      [projectIds, from, to, actions],
    );
  }

  /** Engagements (propaganda, persuasion, dialogue) with the projects' households between `from` and `to`. */
  async engagementCount(projectIds: string[], from: string, to: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM engagements e JOIN cases c ON c.id = e.case_id WHERE c.project_id = ANY($1) AND e.occurred_on BETWEEN $2 AND $3`,
      [projectIds, from, to],
    );
    return n;
  }

  /** Area handed over per day up to asOf, the projects together (days unordered). */
  handoverDays(projectIds: string[], asOf: string): Promise<HandoverDayRow[]> {
    return this.db.query<HandoverDayRow[]>(
      `SELECT to_char(handed_over_on, 'YYYY-MM-DD') AS date, sum(area)::text AS area FROM handover_days WHERE project_id = ANY($1) AND handed_over_on <= $2 GROUP BY handed_over_on`,
      [projectIds, asOf],
    );
  }

  /** The district's name (the first district by code), as the report's heading prints it. */
  async districtName(): Promise<string> {
    const [district] = await this.db.query<{ name: string }[]>(
      `SELECT name FROM admin_units WHERE level = 'district' ORDER BY code LIMIT 1`,
    );
    return district.name;
  }
}
