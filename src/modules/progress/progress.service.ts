import { Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { formatVnDate } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { trimDecimal } from '../../shared/decimal.js';
import { ProjectsService } from '../projects/projects.service.js';
import { largestRemaining } from './domain/critical-path.js';
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
import { type BatchFacts, type CommuneFacts, type MilestoneRow, ProgressRepository } from './progress.repository.js';

// The critical path's SQL lives in the repository; re-exported for the tests that run it directly.
export { type CandidateKind, candidatesSql } from './progress.repository.js';

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
    private readonly repo: ProgressRepository,
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
      this.repo.head(projectId, false),
      this.repo.daily(projectId, asOf),
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
        : await Promise.all([this.repo.householdsPerProject(ids, asOf), this.repo.dailyPerProject(ids, asOf)]);
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
    const [head, daily, milestones, start] = await Promise.all([
      this.repo.head(projectId),
      this.repo.daily(projectId, asOf),
      this.milestones(projectId),
      this.repo.firstApprovalOn(projectId, asOf),
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
  // Reads (the SQL is in ProgressRepository)
  // -------------------------------------------------------------------------------------------------------------

  private async milestones(projectId: string): Promise<MilestoneRow[]> {
    const rows = await this.repo.milestones(projectId);
    return rows.map((m) => ({ ...m, targetPercent: trimDecimal(m.targetPercent) }));
  }

  /** Everything counted per case (households by stage, by commune and batch), with the critical path read alongside. */
  private async caseFacts(projectId: string, asOf: string, criticalPathSize: number): Promise<CaseFacts> {
    const [row, critical] = await Promise.all([
      this.repo.caseFacts(projectId, asOf),
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
    return this.repo.inSnapshot(projectId, asOf, async (read) => {
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
}

/** Cases on the critical path unless asked otherwise, and at most. */
export const CRITICAL_PATH = 10;
export const CRITICAL_PATH_MAX = 100;

/** Pages of partly handed-over cases read (in multiples of the list's size) before ranking them all. */
const CRITICAL_PAGES = [4, 16, 64];

interface CaseFacts {
  /** In the order leaders know: from notice to handover. */
  households: HouseholdsByStageDto;
  /** Recovered area of all the project's parcels (through their cases). */
  area: string;
  byCommune: CommuneFacts[];
  byBatch: BatchFacts[];
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
