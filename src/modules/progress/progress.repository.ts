import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Candidate } from './domain/critical-path.js';
import type { HandoverDay } from './domain/progress-series.js';
import type { HouseholdsByStageDto } from './dto/progress.dto.js';

/** Code, name and the area to recover of a project (null: no figure on the project, and the parcels' not asked). */
export interface ProjectHead {
  code: string;
  name: string;
  total: string | null;
}

/** A milestone as stored: its due date and target share of the area (numeric as text). */
export interface MilestoneRow {
  dueDate: string;
  targetPercent: string;
}

/** One commune's cases of a project: households by stage, area to recover and handed over. */
export interface CommuneFacts {
  communeId: string;
  communeName: string;
  cases: number;
  households: HouseholdsByStageDto;
  area: string;
  handedOver: string;
}

/** One batch's cases of a project (null: cases without a batch). */
export interface BatchFacts {
  batch: string | null;
  cases: number;
  households: HouseholdsByStageDto;
  area: string;
  handedOver: string;
}

/** The per-case counts of a project; `households` and `area` are null for a project without cases. */
export interface CaseFactsRow {
  households: HouseholdsByStageDto | null;
  area: string | null;
  byCommune: CommuneFacts[];
  byBatch: BatchFacts[];
}

/** Per project: households (all, and those that handed over all their recovered area) and the parcels' area. */
export interface HouseholdsPerProjectRow {
  projectId: string;
  total: number;
  handedOver: number;
  parcelArea: string;
}

export type CandidateKind = 'untouched' | 'partly' | 'partly-ranked';
export type CandidateCase = Candidate & { fullName: string; state: string };

/** Reads candidates for the critical path, all in one snapshot (see `inSnapshot`). */
export type CandidateReader = (which: CandidateKind, limit: number) => Promise<CandidateCase[]>;

/**
 * The SQL of progress, a declared reader (src/ownership.ts) of the cases, handovers, plans and projects it aggregates.
 * Each query is one statement, set-based (no query per case or per project).
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Code, name and the area to recover: the project's figure, or else the sum of its parcels' recovered areas. */
  head(projectId: string): Promise<ProjectHead & { total: string }>;
  head(projectId: string, parcelArea: false): Promise<ProjectHead>;
  async head(projectId: string, parcelArea = true): Promise<ProjectHead> {
    const [p] = await this.db.query<ProjectHead[]>(
      `SELECT p.code, p.name,
              coalesce(p.area_to_recover::text, CASE WHEN $2 THEN (SELECT coalesce(sum(recovered_area), 0)::text FROM parcels WHERE project_id = p.id) END) AS total
       FROM projects p WHERE p.id = $1`,
      [projectId, parcelArea],
    );
    return p;
  }

  /** Area handed over per day up to asOf (once; any earlier date's figure is then a lookup). */
  daily(projectId: string, asOf: string): Promise<HandoverDay[]> {
    return this.db.query<HandoverDay[]>(
      `SELECT to_char(handed_over_on, 'YYYY-MM-DD') AS date, sum(area)::text AS area FROM handover_days
       WHERE project_id = $1 AND handed_over_on <= $2 GROUP BY handed_over_on ORDER BY handed_over_on`,
      [projectId, asOf],
    );
  }

  milestones(projectId: string): Promise<MilestoneRow[]> {
    return this.db.query<MilestoneRow[]>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate", target_percent::text AS "targetPercent" FROM milestones WHERE project_id = $1`,
      [projectId],
    );
  }

  /** The project's first recovery decision (plan approval) up to asOf, or null. */
  async firstApprovalOn(projectId: string, asOf: string): Promise<string | null> {
    const [{ start }] = await this.db.query<{ start: string | null }[]>(
      `SELECT to_char(min(approved_on), 'YYYY-MM-DD') AS start FROM plans WHERE project_id = $1 AND approved_on <= $2`,
      [projectId, asOf],
    );
    return start;
  }

  /**
   * Everything counted per case, from the cases alone: each case carries the first day it reached each stage (kept by
   * triggers, see the ProgressCaseDates migration), so "reached as of the date" is a date comparison in one index-only
   * pass that groups the cases into (commune, batch) cells; the area handed over per cell comes from the daily
   * handover sums per commune and batch; the three groupings (project, commune, batch) add the cells up with
   * GROUPING SETS.
   */
  async caseFacts(projectId: string, asOf: string): Promise<CaseFactsRow> {
    const [row] = await this.db.query<CaseFactsRow[]>(
      `WITH cells AS (
           SELECT commune_id, batch, count(*) AS total,
                  count(*) FILTER (WHERE notice_delivered_on <= $2) AS notified,
                  count(*) FILTER (WHERE inventory_signed_on <= $2) AS inventoried,
                  count(*) FILTER (WHERE plan_approved_on <= $2) AS plan_approved,
                  count(*) FILTER (WHERE paid_on <= $2) AS paid,
                  -- All the recovered area handed over, by at least one handover record.
                  count(*) FILTER (WHERE handed_over_on <= $2) AS handed_over,
                  count(*) FILTER (WHERE enforced_on <= $2) AS enforced,
                  sum(recovered_area) AS area
           FROM cases WHERE project_id = $1 GROUP BY commune_id, batch
         ), handed AS (
           SELECT commune_id, batch, sum(area) AS handed FROM handover_days
           WHERE project_id = $1 AND handed_over_on <= $2 GROUP BY commune_id, batch
         ), groups AS (
           SELECT grouping(c.commune_id) AS by_commune, grouping(c.batch) AS by_batch, c.commune_id, c.batch,
                  sum(c.total)::int AS total, sum(c.notified)::int AS notified, sum(c.inventoried)::int AS inventoried,
                  sum(c.plan_approved)::int AS "planApproved", sum(c.paid)::int AS paid, sum(c.handed_over)::int AS "handedOver", sum(c.enforced)::int AS enforced,
                  sum(c.area)::text AS area, coalesce(sum(h.handed), 0)::text AS handed
           FROM cells c LEFT JOIN handed h ON h.commune_id = c.commune_id AND h.batch = coalesce(c.batch, '')
           GROUP BY GROUPING SETS ((), (c.commune_id), (c.batch))
         ), stages AS (
           SELECT g.*, json_build_object('total', g.total, 'notified', g.notified, 'inventoried', g.inventoried, 'planApproved', g."planApproved",
                                         'paid', g.paid, 'handedOver', g."handedOver", 'enforced', g.enforced) AS households
           FROM groups g
         )
         SELECT
           (SELECT g.households FROM stages g WHERE g.by_commune = 1 AND g.by_batch = 1) AS households,
           (SELECT coalesce(g.area, '0') FROM stages g WHERE g.by_commune = 1 AND g.by_batch = 1) AS area,
           (SELECT coalesce(json_agg(json_build_object('communeId', au.id, 'communeName', au.name, 'cases', g.total, 'households', g.households, 'area', g.area, 'handedOver', g.handed) ORDER BY au.name), '[]')
            FROM stages g JOIN admin_units au ON au.id = g.commune_id WHERE g.by_commune = 0) AS "byCommune",
           -- Đợt 2 before đợt 10; cases without a batch last.
           (SELECT coalesce(json_agg(json_build_object('batch', g.batch, 'cases', g.total, 'households', g.households, 'area', g.area, 'handedOver', g.handed) ORDER BY g.batch IS NULL, length(g.batch), g.batch), '[]')
            FROM stages g WHERE g.by_batch = 0) AS "byBatch"`,
      [projectId, asOf],
    );
    return row;
  }

  /**
   * Runs `fn` in one read-only REPEATABLE READ snapshot, reading the critical path's candidates of the project as of
   * the date (a handover committed between two reads must not show a case twice or drop it).
   */
  inSnapshot<T>(projectId: string, asOf: string, fn: (read: CandidateReader) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      const read: CandidateReader = (which, limit) =>
        em.query<CandidateCase[]>(candidatesSql(which), [projectId, asOf, limit]);
      return fn(read);
    });
  }

  /** Per visible project: households (all, and those that handed over all their recovered area) and parcel area. */
  householdsPerProject(ids: string[], asOf: string): Promise<HouseholdsPerProjectRow[]> {
    return this.db.query<HouseholdsPerProjectRow[]>(
      `WITH households AS (
         SELECT project_id, count(*)::int AS total, count(*) FILTER (WHERE handed_over_on <= $2)::int AS handed_over, sum(recovered_area) AS area
         FROM cases WHERE project_id = ANY($1::uuid[]) GROUP BY project_id
       )
       SELECT p.id AS "projectId", coalesce(hh.total, 0) AS total, coalesce(hh.handed_over, 0) AS "handedOver", trim_scale(coalesce(hh.area, 0))::text AS "parcelArea"
       FROM unnest($1::uuid[]) AS p(id) LEFT JOIN households hh ON hh.project_id = p.id`,
      [ids, asOf],
    );
  }

  dailyPerProject(ids: string[], asOf: string): Promise<(HandoverDay & { projectId: string })[]> {
    return this.db.query<(HandoverDay & { projectId: string })[]>(
      `SELECT project_id AS "projectId", to_char(handed_over_on, 'YYYY-MM-DD') AS date, sum(area)::text AS area
       FROM handover_days WHERE project_id = ANY($1::uuid[]) AND handed_over_on <= $2 GROUP BY project_id, handed_over_on ORDER BY project_id, handed_over_on`,
      [ids, asOf],
    );
  }
}

/**
 * Cases not handed over as of $2, with their remaining and recovered areas, at most $3: those with no handover yet,
 * largest first; or those partly handed over, by recovered area (largest first) or ranked by remaining area. The
 * inner query reads the cases' index only; the state and name are read for the rows kept.
 */
export function candidatesSql(which: CandidateKind): string {
  const left =
    which === 'untouched'
      ? 'c.recovered_area'
      : 'c.recovered_area - coalesce((SELECT sum(h.area) FROM handovers h WHERE h.case_id = c.id AND h.handed_over_on <= $2), 0)';
  const where =
    which === 'untouched'
      ? 'c.recovered_area > 0 AND (c.first_handover_on IS NULL OR c.first_handover_on > $2)'
      : 'c.first_handover_on <= $2 AND (c.handed_over_on IS NULL OR c.handed_over_on > $2)';
  const order = which === 'partly-ranked' ? 'left_over DESC, c.id' : 'c.recovered_area DESC, c.id';
  return `SELECT k.id AS "caseId", lu.full_name AS "fullName", c.state, k.recovered_area::text AS recovered, k.left_over::text AS remaining
          FROM (SELECT c.id, c.recovered_area, ${left} AS left_over FROM cases c WHERE c.project_id = $1 AND ${where} ORDER BY ${order} LIMIT $3) k
          JOIN cases c ON c.id = k.id JOIN land_users lu ON lu.id = c.land_user_id`;
}
