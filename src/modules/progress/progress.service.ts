import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { trimDecimal } from '../../core/text/decimal.js';
import { ProjectsService } from '../projects/projects.service.js';
import { milestoneProgress } from './domain/milestones.js';
import { ProgressDto } from './dto/progress.dto.js';

/**
 * "70 % of the area by 30/6": the project's area handed over as of any date, from the handover records (history,
 * not a stored counter), households by stage, by commune, milestones with status and forecast, and the cases on the
 * critical path (largest area not yet handed over).
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  async project(user: AuthUser, projectId: string, asOfParam?: string): Promise<ProgressDto> {
    const project = await this.projects.assertVisible(user, projectId);
    const asOf = asOfParam ?? this.clock.today();
    const [p] = await this.db.query(
      `SELECT p.code, p.name, p.area_to_recover::text AS "areaToRecover",
              (SELECT coalesce(sum(recovered_area), 0)::text FROM parcels WHERE project_id = p.id) AS "parcelArea"
       FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    const total = p.areaToRecover ?? p.parcelArea;
    // Daily cumulative handovers, once; any date's figure is then a lookup.
    const daily: { day: string; area: string }[] = await this.db.query(
      `SELECT to_char(handed_over_on, 'YYYY-MM-DD') AS day, sum(area)::text AS area FROM handovers WHERE project_id = $1 GROUP BY handed_over_on ORDER BY handed_over_on`,
      [projectId],
    );
    const handedAsOf = (d: string) => daily.filter((x) => x.day <= d).reduce((s, x) => s.plus(x.area), new Decimal(0));
    const handed = handedAsOf(asOf);
    const [stages] = await this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE c.notice_delivered_on <= $2)::int AS notified,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'inventory_signed' AND t.occurred_on <= $2))::int AS inventoried,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id WHERE pc.case_id = c.id AND pl.approved_on <= $2))::int AS "planApproved",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id WHERE pc.case_id = c.id AND pl.approved_on <= $2
                                 AND pc.net <= (SELECT coalesce(sum(amount), 0) FROM payments x WHERE x.case_id = c.id AND x.paid_on <= $2)))::int AS paid,
              count(*) FILTER (WHERE (SELECT coalesce(sum(area), 0) FROM handovers h WHERE h.case_id = c.id AND h.handed_over_on <= $2)
                                 >= (SELECT coalesce(sum(recovered_area), 0) FROM parcels x WHERE x.case_id = c.id)
                             AND EXISTS (SELECT 1 FROM handovers h WHERE h.case_id = c.id AND h.handed_over_on <= $2))::int AS "handedOver",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM handovers h WHERE h.case_id = c.id AND h.enforced AND h.handed_over_on <= $2))::int AS enforced
       FROM cases c WHERE c.project_id = $1`,
      [projectId, asOf],
    );
    const byCommune: { communeId: string; communeName: string; area: string; handedOver: string; cases: number }[] = await this.db.query(
      `SELECT au.id AS "communeId", au.name AS "communeName", count(DISTINCT c.id)::int AS cases,
              coalesce(sum(pa.recovered_area), 0)::text AS area,
              (SELECT coalesce(sum(h.area), 0)::text FROM handovers h JOIN cases x ON x.id = h.case_id WHERE x.commune_id = au.id AND h.project_id = $1 AND h.handed_over_on <= $2) AS "handedOver"
       FROM cases c JOIN admin_units au ON au.id = c.commune_id LEFT JOIN parcels pa ON pa.case_id = c.id
       WHERE c.project_id = $1 GROUP BY au.id, au.name ORDER BY au.name`,
      [projectId, asOf],
    );
    const milestones: { dueDate: string; targetPercent: string }[] = await this.db.query(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate", target_percent::text AS "targetPercent" FROM milestones WHERE project_id = $1`,
      [projectId],
    );
    const critical: { caseId: string; fullName: string; state: string; remaining: string }[] = await this.db.query(
      `SELECT c.id AS "caseId", lu.full_name AS "fullName", c.state, (r.recovered - r.handed)::text AS remaining
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id
       CROSS JOIN LATERAL (SELECT coalesce((SELECT sum(recovered_area) FROM parcels x WHERE x.case_id = c.id), 0) AS recovered,
                                  coalesce((SELECT sum(area) FROM handovers h WHERE h.case_id = c.id AND h.handed_over_on <= $2), 0) AS handed) r
       WHERE c.project_id = $1 AND r.recovered > r.handed ORDER BY r.recovered - r.handed DESC, c.id LIMIT 10`,
      [projectId, asOf],
    );
    const pct = (a: Decimal) => (new Decimal(total).gt(0) ? a.div(total).times(100).toFixed(2) : '0.00');
    return {
      projectId: project.id,
      code: p.code,
      name: p.name,
      asOf,
      areaToRecover: trimDecimal(total),
      handedOver: handed.toFixed(),
      handedOverPercent: pct(handed),
      households: stages,
      byCommune: byCommune.map((c) => ({ ...c, area: trimDecimal(c.area), handedOver: trimDecimal(c.handedOver), handedOverPercent: new Decimal(c.area).gt(0) ? new Decimal(c.handedOver).div(c.area).times(100).toFixed(2) : '0.00' })),
      milestones: milestoneProgress(asOf, total, handedAsOf, milestones.map((m) => ({ ...m, targetPercent: trimDecimal(m.targetPercent) }))),
      criticalPath: critical.map((c) => ({ ...c, remaining: trimDecimal(c.remaining), blockingReason: BLOCKING[c.state] ?? 'Chưa bàn giao mặt bằng' })),
    };
  }
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
