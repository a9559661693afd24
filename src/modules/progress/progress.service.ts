import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../core/auth/policy.js';
import { formatVnDate } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { trimDecimal } from '../../shared/decimal.js';
import { ProjectsService } from '../projects/projects.service.js';
import { type Candidate, largestRemaining } from './domain/critical-path.js';
import { type MilestoneStatus, milestoneProgress } from './domain/milestones.js';
import { renderProgressChartSvg } from './domain/progress-chart-svg.js';
import {
  cumulativeHandover,
  type HandoverDay,
  percentOf,
  type ProgressSeries,
  progressSeries,
  vnPercent,
} from './domain/progress-series.js';
import { type HouseholdsByStageDto, ProgressDashboardDto, ProgressDto } from './dto/progress.dto.js';

/**
 * "70 % of the area by 30/6": the project's area handed over as of any date, from the handover records (history,
 * not a stored counter), households by stage, by commune and batch, milestones with status and forecast, and the
 * cases on the critical path (largest area not yet handed over); the same for every visible project at once (the
 * leaders' dashboard), and the chart of the share handed over against the milestones.
 *
 * Reads are kept cheap by what the database maintains from the records (ProgressCaseDates migration): the first day
 * each case reached each stage, and the area handed over per project, day, commune and batch (`handover_days`).
 * Both are recomputed by triggers from the records themselves, so any date's figures are still those of the records.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  /** `criticalPathSize`: how many cases the critical path lists (10 unless asked). */
  async project(
    user: AuthUser,
    projectId: string,
    asOfParam?: string,
    criticalPathSize = CRITICAL_PATH,
  ): Promise<ProgressDto> {
    const project = await this.projects.assertVisible(user, projectId);
    const asOf = asOfParam ?? this.clock.today();
    const [head, daily, facts, milestones] = await Promise.all([
      this.head(projectId, false),
      this.daily(projectId, asOf),
      this.caseFacts(projectId, asOf, criticalPathSize),
      this.milestones(projectId),
    ]);
    // Without a figure on the project, its parcels' recovered area: the per-case sums already add it up.
    const total = head.total ?? facts.area;
    const handedAsOf = cumulativeHandover(daily);
    const handed = handedAsOf(asOf);
    const share = (area: string, handedOver: string) => ({
      area: trimDecimal(area),
      handedOver: trimDecimal(handedOver),
      handedOverPercent: percentOf(new Decimal(handedOver), area),
    });
    return {
      projectId: project.id,
      code: head.code,
      name: head.name,
      asOf,
      areaToRecover: trimDecimal(total),
      handedOver: handed.toFixed(),
      handedOverPercent: percentOf(handed, total),
      households: facts.households,
      byCommune: facts.byCommune.map((c) => ({
        communeId: c.communeId,
        communeName: c.communeName,
        cases: c.cases,
        households: c.households,
        ...share(c.area, c.handedOver),
      })),
      byBatch: facts.byBatch.map((b) => ({
        batch: b.batch,
        cases: b.cases,
        households: b.households,
        ...share(b.area, b.handedOver),
      })),
      milestones: milestoneProgress(asOf, total, handedAsOf, milestones),
      criticalPath: facts.critical.map((c) => ({
        ...c,
        remaining: trimDecimal(c.remaining),
        blockingReason: BLOCKING[c.state] ?? 'Chưa bàn giao mặt bằng',
      })),
    };
  }

  /**
   * Every project the user may see, as of a date: area and households handed over, the next milestone (or the last
   * one when all are past) with its status and forecast, and the totals. Three queries whatever the number of
   * projects and cases: the visible projects with their milestones, the households per project, the daily handovers.
   */
  async dashboard(user: AuthUser, asOfParam?: string): Promise<ProgressDashboardDto> {
    const asOf = asOfParam ?? this.clock.today();
    const projects = await this.projects.list(user);
    const ids = projects.map((p) => p.id);
    const [perProject, daily] =
      ids.length === 0
        ? [[], []]
        : await Promise.all([this.householdsPerProject(ids, asOf), this.dailyPerProject(ids, asOf)]);
    const facts = new Map(perProject.map((r) => [r.projectId, r]));
    const days = new Map<string, HandoverDay[]>();
    for (const d of daily) {
      const list = days.get(d.projectId);
      if (list) list.push(d);
      else days.set(d.projectId, [d]);
    }

    let area = new Decimal(0);
    let handedTotal = new Decimal(0);
    let householdsHandedOver = 0;
    let householdsTotal = 0;
    const rows = projects.map((p) => {
      const f = facts.get(p.id) ?? { total: 0, handedOver: 0, parcelArea: '0' };
      const total = p.areaToRecover ?? trimDecimal(f.parcelArea);
      const handedAsOf = cumulativeHandover(days.get(p.id) ?? []);
      const handed = handedAsOf(asOf);
      const milestones = milestoneProgress(
        asOf,
        total,
        handedAsOf,
        p.milestones.map((m) => ({ dueDate: m.dueDate, targetPercent: m.targetPercent })),
      );
      area = area.plus(total);
      handedTotal = handedTotal.plus(handed);
      householdsHandedOver += f.handedOver;
      householdsTotal += f.total;
      return {
        projectId: p.id,
        code: p.code,
        name: p.name,
        areaToRecover: total,
        handedOver: handed.toFixed(),
        handedOverPercent: percentOf(handed, total),
        householdsHandedOver: f.handedOver,
        householdsTotal: f.total,
        // A milestone due on asOf is still "the next one": its status is read on its own date.
        nextMilestone: milestones.find((m) => m.dueDate >= asOf) ?? milestones[milestones.length - 1] ?? null,
      };
    });
    return {
      asOf,
      projects: rows,
      totals: {
        projects: rows.length,
        areaToRecover: area.toFixed(),
        handedOver: handedTotal.toFixed(),
        handedOverPercent: percentOf(handedTotal, area.toFixed()),
        householdsHandedOver,
        householdsTotal,
      },
    };
  }

  /**
   * The chart's data: the cumulative share handed over from the project's first recovery decision (or its first
   * handover) to asOf, and the milestone targets. The quarterly report draws the same series.
   */
  async series(
    user: AuthUser,
    projectId: string,
    asOfParam?: string,
  ): Promise<{ code: string; name: string; series: ProgressSeries; statuses: Record<string, MilestoneStatus> }> {
    await this.projects.assertVisible(user, projectId);
    const asOf = asOfParam ?? this.clock.today();
    const [head, daily, milestones, [{ start }]] = await Promise.all([
      this.head(projectId),
      this.daily(projectId, asOf),
      this.milestones(projectId),
      this.db.query<{ start: string | null }[]>(
        `SELECT to_char(min(approved_on), 'YYYY-MM-DD') AS start FROM plans WHERE project_id = $1 AND approved_on <= $2`,
        [projectId, asOf],
      ),
    ]);
    const series = progressSeries({ total: head.total, handovers: daily, asOf, start, milestones });
    const statuses = Object.fromEntries(
      milestoneProgress(asOf, head.total, cumulativeHandover(daily), milestones).map((m) => [m.dueDate, m.status]),
    );
    return { code: head.code, name: head.name, series, statuses };
  }

  /** The progress chart as SVG (image/svg+xml). */
  async chartSvg(user: AuthUser, projectId: string, asOfParam?: string): Promise<string> {
    const { code, name, series, statuses } = await this.series(user, projectId, asOfParam);
    const now = series.points[series.points.length - 1];
    return renderProgressChartSvg(series, {
      title: `Tiến độ bàn giao mặt bằng — ${code}`,
      subtitle: `${name} — tính đến ngày ${formatVnDate(series.asOf)}: ${vnPercent(now.percent)} % diện tích`,
      statuses,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Queries: each one statement, set-based (no query per case or per project)
  // -------------------------------------------------------------------------------------------------------------

  /** Code, name and the area to recover: the project's figure, or else the sum of its parcels' recovered areas. */
  private async head(projectId: string): Promise<{ code: string; name: string; total: string }>;
  private async head(
    projectId: string,
    parcelArea: false,
  ): Promise<{ code: string; name: string; total: string | null }>;
  private async head(
    projectId: string,
    parcelArea = true,
  ): Promise<{ code: string; name: string; total: string | null }> {
    const [p] = await this.db.query(
      `SELECT p.code, p.name,
              coalesce(p.area_to_recover::text, CASE WHEN $2 THEN (SELECT coalesce(sum(recovered_area), 0)::text FROM parcels WHERE project_id = p.id) END) AS total
       FROM projects p WHERE p.id = $1`,
      [projectId, parcelArea],
    );
    return p;
  }

  /** Area handed over per day up to asOf (once; any earlier date's figure is then a lookup). */
  private daily(projectId: string, asOf: string): Promise<HandoverDay[]> {
    return this.db.query(
      `SELECT to_char(handed_over_on, 'YYYY-MM-DD') AS date, sum(area)::text AS area FROM handover_days
       WHERE project_id = $1 AND handed_over_on <= $2 GROUP BY handed_over_on ORDER BY handed_over_on`,
      [projectId, asOf],
    );
  }

  private async milestones(projectId: string): Promise<{ dueDate: string; targetPercent: string }[]> {
    const rows: { dueDate: string; targetPercent: string }[] = await this.db.query(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate", target_percent::text AS "targetPercent" FROM milestones WHERE project_id = $1`,
      [projectId],
    );
    return rows.map((m) => ({ ...m, targetPercent: trimDecimal(m.targetPercent) }));
  }

  /**
   * Everything counted per case, from the cases alone: each case carries the first day it reached each stage (kept by
   * triggers, see the ProgressCaseDates migration), so "reached as of the date" is a date comparison in one index-only
   * pass that groups the cases into (commune, batch) cells; the area handed over per cell comes from the daily
   * handover sums per commune and batch; the three groupings (project, commune, batch) add the cells up with
   * GROUPING SETS. The critical path is read alongside.
   */
  private async caseFacts(projectId: string, asOf: string, criticalPathSize: number): Promise<CaseFacts> {
    const [[row], critical] = await Promise.all([
      this.db.query(
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
      ),
      this.criticalPath(projectId, asOf, criticalPathSize),
    ]);
    return {
      // A project without cases has no grouping row at all.
      households: row.households ?? {
        total: 0,
        notified: 0,
        inventoried: 0,
        planApproved: 0,
        paid: 0,
        handedOver: 0,
        enforced: 0,
      },
      area: row.area ?? '0',
      byCommune: row.byCommune,
      byBatch: row.byBatch,
      critical,
    };
  }

  /**
   * The `size` cases with the largest area not handed over as of the date (see `largestRemaining`), read in one
   * snapshot (a handover committed between two reads must not show a case twice or drop it).
   */
  private criticalPath(projectId: string, asOf: string, size: number): Promise<CaseFacts['critical']> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      const read = (which: CandidateKind, limit: number): Promise<CandidateCase[]> =>
        em.query(candidatesSql(which), [projectId, asOf, limit]);
      const top = await largestRemaining({
        size,
        pages: CRITICAL_PAGES.map((n) => n * size),
        untouched: await read('untouched', size),
        partlyByRecovered: (limit) => read('partly', limit),
        partlyRanked: () => read('partly-ranked', size),
      });
      return top.map(({ caseId, fullName, state, remaining }) => ({ caseId, fullName, state, remaining }));
    });
  }

  /** Per visible project: households (all, and those that handed over all their recovered area) and parcel area. */
  private householdsPerProject(
    ids: string[],
    asOf: string,
  ): Promise<{ projectId: string; total: number; handedOver: number; parcelArea: string }[]> {
    return this.db.query(
      `WITH households AS (
         SELECT project_id, count(*)::int AS total, count(*) FILTER (WHERE handed_over_on <= $2)::int AS handed_over, sum(recovered_area) AS area
         FROM cases WHERE project_id = ANY($1::uuid[]) GROUP BY project_id
       )
       SELECT p.id AS "projectId", coalesce(hh.total, 0) AS total, coalesce(hh.handed_over, 0) AS "handedOver", trim_scale(coalesce(hh.area, 0))::text AS "parcelArea"
       FROM unnest($1::uuid[]) AS p(id) LEFT JOIN households hh ON hh.project_id = p.id`,
      [ids, asOf],
    );
  }

  private dailyPerProject(ids: string[], asOf: string): Promise<(HandoverDay & { projectId: string })[]> {
    return this.db.query(
      `SELECT project_id AS "projectId", to_char(handed_over_on, 'YYYY-MM-DD') AS date, sum(area)::text AS area
       FROM handover_days WHERE project_id = ANY($1::uuid[]) AND handed_over_on <= $2 GROUP BY project_id, handed_over_on ORDER BY project_id, handed_over_on`,
      [ids, asOf],
    );
  }
}

/** Cases on the critical path unless asked otherwise, and at most. */
export const CRITICAL_PATH = 10;
export const CRITICAL_PATH_MAX = 100;

/** Pages of partly handed-over cases read (in multiples of the list's size) before ranking them all. */
const CRITICAL_PAGES = [4, 16, 64];

export type CandidateKind = 'untouched' | 'partly' | 'partly-ranked';
type CandidateCase = Candidate & { fullName: string; state: string };

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

interface CaseFacts {
  /** In the order leaders know: from notice to handover. */
  households: HouseholdsByStageDto;
  /** Recovered area of all the project's parcels (through their cases). */
  area: string;
  byCommune: {
    communeId: string;
    communeName: string;
    cases: number;
    households: HouseholdsByStageDto;
    area: string;
    handedOver: string;
  }[];
  byBatch: {
    batch: string | null;
    cases: number;
    households: HouseholdsByStageDto;
    area: string;
    handedOver: string;
  }[];
  critical: { caseId: string; fullName: string; state: string; remaining: string }[];
}

/** Why a case still holds land, by its state (the next step it waits for). */
const BLOCKING: Record<string, string> = {
  IDENTIFIED: 'Chưa giao thông báo thu hồi đất',
  NOTIFIED: 'Chưa kiểm đếm',
  SURVEY_REFUSED: 'Không phối hợp kiểm đếm',
  PERSUADING_SURVEY: 'Đang vận động kiểm đếm',
  FORCED_SURVEY_ORDERED: 'Đang kiểm đếm bắt buộc',
  FORCED_SURVEY_ENFORCEMENT: 'Đang cưỡng chế kiểm đếm bắt buộc',
  SURVEYED: 'Chưa xác nhận nguồn gốc, chưa có phương án được duyệt',
  ORIGIN_CONFIRMED: 'Chưa có phương án được duyệt',
  APPROVED: 'Đã có quyết định, chưa chi trả đủ hoặc chưa bàn giao',
};
