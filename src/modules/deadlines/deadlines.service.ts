import { Injectable } from '@nestjs/common';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { addDays } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { COMPLAINT_AGENCY_LABELS, ComplaintsService, KIND_LABELS } from '../complaints/complaints.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDeadline } from '../calendar/domain/calendar.js';
import { ROMAN, quarterlyReportDue, quarterOf, quarterRange } from '../reports/domain/quarter.js';
import { DeadlinesRepository, type DeadlineScope } from './deadlines.repository.js';
import { DeadlineDto, DeadlineQueryDto, DeadlinesDto } from './dto/deadline.dto.js';

/** How far ahead a deadline counts as "due soon". */
const SOON_DAYS = 7;

/**
 * The next legal deadline of every open plan and case (procedure.md §7), with the agency that must act, so the
 * district's monitoring office sees who is late. Deadlines are computed from the records and the holiday table at
 * request time (nothing stored that could go stale).
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly repo: DeadlinesRepository,
    private readonly calendar: CalendarService,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, q: DeadlineQueryDto): Promise<DeadlinesDto> {
    const today = this.clock.today();
    const rest = await this.calendar.restDays();
    const scope = accessScope(user);
    const whose: DeadlineScope = {
      projectId: q.projectId ?? null,
      communeIds: scope.kind === 'communes' ? scope.communeIds : null,
      agencyId: scope.kind === 'investor' ? scope.agencyId : null,
    };
    const items: DeadlineDto[] = [];

    // Payment within 30 days of the recovery decision (LĐĐ 2013 Đ93 k1): the Center pays.
    const approved = await this.repo.awaitingPayment(whose);
    for (const a of approved) {
      items.push(
        this.item(today, {
          kind: 'payment',
          label: `Chi trả tiền bồi thường cho ${a.name} (QĐ thu hồi ${a.number ?? ''})`,
          dueOn: calendarDeadline(a.decidedOn, 30, rest),
          agency: 'land_fund_center',
          projectCode: a.projectCode,
          entityType: 'case',
          entityId: a.caseId,
          basis:
            'Điều 93 khoản 1 Luật Đất đai 2013: chi trả trong 30 ngày kể từ ngày quyết định thu hồi đất có hiệu lực',
        }),
      );
    }

    // Plans: the step each open plan waits for, and who must take it.
    const plans = await this.repo.postedPlans(whose);
    for (const p of plans) {
      if (p.status === 'POSTED' && p.postedOn) {
        items.push(
          this.item(today, {
            kind: 'posting_end',
            label: `Kết thúc niêm yết ${p.code} (${p.name}) và lấy ý kiến`,
            dueOn: calendarDeadline(p.postedOn, 20, rest),
            agency: 'land_fund_center',
            projectCode: p.projectCode,
            entityType: 'plan',
            entityId: p.id,
            basis: 'Niêm yết phương án ít nhất 20 ngày (Điều 69 khoản 2 Luật Đất đai 2013), rồi tổ chức lấy ý kiến',
          }),
        );
      }
    }

    // Cases under persuasion: the compulsory-inventory decision is due once 10 days have passed (Đ69 k1 d).
    const persuading = await this.repo.persuading(whose);
    for (const c of persuading) {
      items.push(
        this.item(today, {
          kind: 'forced_survey_decision',
          label: `Xem xét quyết định kiểm đếm bắt buộc đối với ${c.name}`,
          dueOn: addDays(calendarDeadline(c.since, 10, rest), 1), // the day after the period, as the case machine
          agency: 'people_committee',
          projectCode: c.projectCode,
          entityType: 'case',
          entityId: c.caseId,
          basis: 'Điều 69 khoản 1 điểm d Luật Đất đai 2013: sau 10 ngày vận động mà không phối hợp',
        }),
      );
    }

    // The quarterly report of the Center (issue 7), due before day N of the quarter's last month (dated rule): this
    // quarter's and, when it was never issued, the last one's.
    if (scope.kind === 'all' && !q.projectId) {
      const { year, quarter } = quarterOf(today);
      const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
      const district = await this.repo.district();
      for (const qq of [previous, { year, quarter }]) {
        const end = quarterRange(qq.year, qq.quarter).to;
        const rule = await this.repo.quarterlyRule(end);
        if (!rule || !district) continue;
        if (await this.repo.quarterlyReportIssued(qq.year, qq.quarter)) continue;
        items.push(
          this.item(today, {
            kind: 'quarterly_report',
            label: `Báo cáo kết quả thực hiện nhiệm vụ GPMB quý ${ROMAN[qq.quarter - 1]} năm ${qq.year}`,
            dueOn: quarterlyReportDue(qq.year, qq.quarter, rule.day),
            agency: 'land_fund_center',
            projectCode: '',
            entityType: 'report',
            entityId: district,
            basis: rule.basis,
          }),
        );
      }
    }

    // Complaints (issue 8): the acceptance or resolution deadline each open one runs against, by its agency.
    for (const c of await this.complaints.deadlineItems(user, q.projectId)) {
      items.push(
        this.item(today, {
          kind: c.deadline === 'acceptance' ? 'complaint_acceptance' : 'complaint_resolution',
          label: `${c.deadline === 'acceptance' ? 'Thụ lý' : 'Giải quyết'} ${KIND_LABELS[c.kind].toLowerCase()} ${c.code} của ${c.complainantName}`,
          dueOn: c.dueOn,
          agency: c.agency,
          projectCode: c.projectCode,
          entityType: 'complaint',
          entityId: c.complaintId,
          basis: c.basis,
        }),
      );
    }

    const filtered = items
      .filter((i) => !q.status || i.status === q.status)
      .filter((i) => !q.agencyKind || i.agencyKind === q.agencyKind)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const byAgency = new Map<
      string,
      { agencyKind: string; agencyLabel: string; overdue: number; dueSoon: number; upcoming: number }
    >();
    for (const i of filtered) {
      const row = byAgency.get(i.agencyKind) ?? {
        agencyKind: i.agencyKind,
        agencyLabel: i.agencyLabel,
        overdue: 0,
        dueSoon: 0,
        upcoming: 0,
      };
      if (i.status === 'overdue') row.overdue++;
      else if (i.status === 'due_soon') row.dueSoon++;
      else row.upcoming++;
      byAgency.set(i.agencyKind, row);
    }
    return {
      asOf: today,
      byAgency: [...byAgency.values()],
      items: filtered.slice(0, q.limit ?? 500),
      total: filtered.length,
    };
  }

  private item(
    today: string,
    d: Omit<DeadlineDto, 'status' | 'agencyKind' | 'agencyLabel' | 'daysLeft'> & { agency: string },
  ): DeadlineDto {
    const daysLeft = Math.round((Date.parse(`${d.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const { agency, ...rest } = d;
    return {
      ...rest,
      agencyKind: agency,
      agencyLabel: AGENCY_LABELS[agency] ?? agency,
      daysLeft,
      status: daysLeft < 0 ? 'overdue' : daysLeft <= SOON_DAYS ? 'due_soon' : 'upcoming',
    };
  }
}

const AGENCY_LABELS: Record<string, string> = COMPLAINT_AGENCY_LABELS;
