import { Injectable, OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { toAuthUser } from '../../core/auth/auth.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { addDays, formatVnDate } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError } from '../../core/errors/app-error.js';
import { type CellValue, writeWorkbook } from '../../core/excel/workbook.js';
import type { ChartModel } from '../../shared/document-model.js';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatArea, formatDong } from '../../shared/vn-words.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { progressSeries } from '../progress/domain/progress-series.js';
import type { HouseholdsByStageDto, ProgressDto } from '../progress/dto/progress.dto.js';
import { ProgressService } from '../progress/progress.service.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import type { ComplaintSummaryDto } from '../complaints/dto/complaint.dto.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { QuarterlyReportRequestDto, ReportFileDto } from './dto/report.dto.js';
import { ROMAN, quarterRange } from './domain/quarter.js';
import { type DifficultyRow, ReportsRepository } from './reports.repository.js';

const STATUS: Record<string, string> = {
  met: 'đã đạt',
  missed: 'không đạt',
  on_track: 'đúng tiến độ',
  at_risk: 'có nguy cơ không đạt',
};
/** Steps that record a difficulty with a household, as the report names them. */
const DIFFICULTY_STEPS: Record<string, string> = {
  refuse_survey: 'không phối hợp kiểm đếm',
  order_forced_survey: 'quyết định kiểm đếm bắt buộc',
  refuse_payment: 'không nhận tiền',
  deposit_recorded: 'tiền gửi Kho bạc',
  refuse_handover: 'không bàn giao mặt bằng',
  order_enforcement: 'quyết định cưỡng chế thu hồi đất',
  enforce: 'tổ chức cưỡng chế',
};
const pctText = (p: string) => p.replace('.', ',');

interface Figures {
  scopeTitle: string;
  from: string;
  asOf: string;
  projects: (ProgressDto & { handedBefore: string; paid: string; deposited: string })[];
  difficulties: DifficultyRow[];
  engagements: number;
  complaints: ComplaintSummaryDto;
  chart: ChartModel;
}

/**
 * Báo cáo kết quả thực hiện nhiệm vụ quý (issue 7): the progress figures for the quarter (as of the report date, at
 * most the quarter's end), milestones, difficulties recorded on cases, the progress chart; PDF (NĐ 30 layout) and
 * XLSX under one number of the Center, produced by the document workers with the requester's visibility.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly documents: DocumentsService,
    private readonly numbering: NumberingService,
    private readonly progress: ProgressService,
    private readonly projects: ProjectsService,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('quarterly_report', (doc) => this.content(doc));
    this.documents.registerFile('quarterly_report_workbook', (doc) => this.workbook(doc));
  }

  async issueQuarterly(user: AuthUser, dto: QuarterlyReportRequestDto): Promise<ReportFileDto[]> {
    if (dto.projectId) await this.projects.assertVisible(user, dto.projectId);
    const { from, to } = quarterRange(dto.year, dto.quarter);
    const issuedOn = dto.issuedOn ?? this.clock.today();
    if (issuedOn < from)
      throw new AppError(
        'validation',
        'REPORT.BEFORE_QUARTER',
        `Ngày báo cáo trước ngày bắt đầu quý (${formatVnDate(from)}).`,
        { field: 'issuedOn' },
      );
    if (issuedOn > this.clock.today())
      throw new AppError('validation', 'REPORT.DATE_IN_FUTURE', 'Ngày báo cáo không được sau ngày hôm nay.', {
        field: 'issuedOn',
      });
    const asOf = issuedOn < to ? issuedOn : to;
    const docs = await this.repo.transaction(async (em) => {
      const district = await this.reference.homeDistrict();
      const entityId = dto.projectId ?? district;
      const center = await this.reference.issuer('land_fund_center', district);
      const n = await this.numbering.take(em, user, {
        agencyId: center,
        typeCode: 'BC',
        issuedOn,
        subject: `Báo cáo kết quả GPMB quý ${ROMAN[dto.quarter - 1]}/${dto.year}`,
        entityType: dto.projectId ? 'project' : 'district',
        entityId,
      });
      const common = {
        entityType: dto.projectId ? 'project' : 'district',
        entityId,
        planId: null,
        number: n.formatted,
        issuedOn,
        recordVersion: 1,
        facts: {
          year: String(dto.year),
          quarter: String(dto.quarter),
          from,
          asOf,
          projectId: dto.projectId ?? '',
          requestedBy: user.id,
        },
        signedBy: { agencyId: center },
      };
      const file = `BC ${n.formatted.replace('/', '-')} kết quả GPMB quý ${ROMAN[dto.quarter - 1]}-${dto.year}`;
      return this.documents.issueMany(em, [
        { ...common, type: 'quarterly_report', fileName: `${file}.pdf` },
        { ...common, type: 'quarterly_report_workbook', fileName: `${file}.xlsx` },
      ]);
    });
    const out: ReportFileDto[] = [];
    for (const d of docs)
      out.push({
        documentId: d.id,
        type: d.type,
        number: d.number,
        fileName: d.fileName,
        status: d.status,
        jobId: await this.documents.enqueue(d.id),
      });
    return out;
  }

  /** The figures, computed in the worker with the visibility of the user who asked for the report. */
  private async figures(doc: DocumentRecord): Promise<Figures> {
    const requester = await this.repo.requester(doc.facts.requestedBy);
    if (!requester) throw new PermanentJobError(`report ${doc.id}: requester not found`);
    const user = toAuthUser(requester);
    const { from, asOf } = doc.facts;
    const ids = doc.facts.projectId ? [doc.facts.projectId] : (await this.projects.list(user)).map((p) => p.id);
    const before = addDays(from, -1);
    const projects = [];
    for (const id of ids) {
      const [now, then] = await Promise.all([
        this.progress.project(user, id, asOf),
        this.progress.project(user, id, before),
      ]);
      projects.push({ ...now, handedBefore: then.handedOver, paid: '0', deposited: '0' });
    }
    const money = await this.repo.moneyPerProject(ids, from, asOf);
    for (const m of money)
      Object.assign(
        projects.find((p) => p.projectId === m.projectId)!,
        { paid: m.paid, deposited: m.deposited },
      );
    const difficulties = await this.repo.difficulties(ids, from, asOf, Object.keys(DIFFICULTY_STEPS));
    const engagements = await this.repo.engagementCount(ids, from, asOf);
    // Đơn thư received in the quarter (issue 8): by type, state and commune, resolution time, overdue at the report date.
    const complaints = await this.complaints.summary(user, {
      projectId: doc.facts.projectId || undefined,
      from,
      to: asOf,
    });
    const single = projects.length === 1 && doc.facts.projectId ? projects[0] : null;
    return {
      scopeTitle: single ? `dự án ${single.name}` : 'các dự án trên địa bàn huyện',
      from,
      asOf,
      projects,
      difficulties,
      engagements,
      complaints,
      chart: single ? await this.projectChart(user, single, asOf) : await this.districtChart(ids, projects, asOf),
    };
  }

  private async projectChart(user: AuthUser, p: ProgressDto, asOf: string): Promise<ChartModel> {
    const { series } = await this.progress.series(user, p.projectId, asOf);
    return {
      title: `Tỷ lệ diện tích đã bàn giao — ${p.code}`,
      from: series.from,
      to: asOf,
      points: series.points,
      targets: series.milestones,
      lineLabel: 'Tỷ lệ diện tích đã bàn giao (%)',
    };
  }

  /** All projects: the share of their combined area, from the combined handover record (milestones differ per project). */
  private async districtChart(ids: string[], projects: ProgressDto[], asOf: string): Promise<ChartModel> {
    const handovers = await this.repo.handoverDays(ids, asOf);
    const total = projects.reduce((s, p) => s.plus(p.areaToRecover), new Decimal(0)).toFixed();
    const start = handovers.length ? handovers.map((h) => h.date).sort()[0] : asOf;
    const series = progressSeries({ total, handovers, asOf, start: addDays(start, -1), milestones: [] });
    return {
      title: 'Tỷ lệ diện tích đã bàn giao — các dự án',
      from: series.from,
      to: asOf,
      points: series.points,
      targets: [],
      lineLabel: 'Tỷ lệ diện tích đã bàn giao (%), cộng các dự án',
    };
  }

  private async content(doc: DocumentRecord): Promise<DocumentContent> {
    const f = await this.figures(doc);
    const district = await this.repo.districtName();
    const sum = (g: (p: Figures['projects'][number]) => Decimal.Value) =>
      f.projects.reduce((s, p) => s.plus(g(p)), new Decimal(0));
    const area = sum((p) => p.areaToRecover);
    const handed = sum((p) => p.handedOver);
    const hh = (k: keyof HouseholdsByStageDto) => f.projects.reduce((s, p) => s + p.households[k], 0);
    const countBy = (code: string) =>
      Object.entries(DIFFICULTY_STEPS)
        .map(
          ([action, label]) =>
            [label, f.difficulties.filter((d) => d.code === code && d.action === action).length] as const,
        )
        .filter(([, n]) => n > 0)
        .map(([label, n]) => `${n} ${label}`)
        .join(', ');
    const milestoneLines = f.projects.flatMap((p) =>
      p.milestones.map(
        (m) =>
          `${p.code}, mốc ${pctText(trimDecimal(m.targetPercent))} % đến ngày ${formatVnDate(m.dueDate)}: đạt ${pctText(m.actualPercent)} %, ${STATUS[m.status]}${m.forecastDate ? ` (dự kiến đạt ngày ${formatVnDate(m.forecastDate)})` : m.status === 'at_risk' ? ' (không có bàn giao trong 30 ngày gần nhất)' : ''}`,
      ),
    );
    const critical = f.projects
      .flatMap((p) => p.criticalPath.map((c) => ({ ...c, code: p.code })))
      .sort((a, b) => new Decimal(b.remaining).comparedTo(a.remaining))
      .slice(0, 5);
    return {
      data: {
        district: { name: district },
        quarter: {
          roman: ROMAN[Number(doc.facts.quarter) - 1],
          year: doc.facts.year,
          from: formatVnDate(f.from),
          to: formatVnDate(f.asOf),
        },
        scope: { title: f.scopeTitle },
        totals: {
          area: formatArea(area.toFixed()),
          handedOver: formatArea(handed.toFixed()),
          percent: pctText(area.gt(0) ? handed.div(area).times(100).toFixed(2) : '0.00'),
          handedInQuarter: formatArea(handed.minus(sum((p) => p.handedBefore)).toFixed()),
          households: `${hh('total')} hộ, trong đó đã nhận thông báo thu hồi đất ${hh('notified')}, đã kiểm đếm ${hh('inventoried')}, đã có phương án được duyệt ${hh('planApproved')}, đã nhận đủ tiền ${hh('paid')}, đã bàn giao mặt bằng ${hh('handedOver')}, bị cưỡng chế ${hh('enforced')}`,
          paidInQuarter: formatDong(sum((p) => p.paid).toFixed()),
          depositedInQuarter: formatDong(sum((p) => p.deposited).toFixed()),
        },
        projects: {
          text: f.projects
            .map(
              (p) =>
                `${p.code}: đã bàn giao ${formatArea(trimDecimal(p.handedOver))}/${formatArea(trimDecimal(p.areaToRecover))} m² (${pctText(p.handedOverPercent)} %)`,
            )
            .join('; '),
        },
        milestones: { text: milestoneLines.length ? `${milestoneLines.join('; ')}.` : 'Chưa có mốc tiến độ.' },
        difficulties: {
          text:
            f.projects
              .map((p) => [p.code, countBy(p.code)] as const)
              .filter(([, t]) => t)
              .map(([code, t]) => `${code}: ${t}`)
              .join('; ') +
            `${f.difficulties.length ? '; ' : ''}${f.engagements} lượt tuyên truyền, vận động, đối thoại trong kỳ.`,
        },
        complaints: { text: complaintsText(f.complaints) },
        critical: {
          text: critical.length
            ? critical
                .map(
                  (c) => `${c.fullName} (${c.code}, ${formatArea(c.remaining)} m², ${c.blockingReason.toLowerCase()})`,
                )
                .join('; ')
            : 'không còn',
        },
      },
      rows: f.projects.map((p, i) => [String(i + 1), p.name, ...this.projectRow(p).map(String)]),
      totals: [
        '',
        'Tổng cộng',
        formatArea(area.toFixed()),
        formatArea(handed.toFixed()),
        '',
        formatArea(handed.minus(sum((p) => p.handedBefore)).toFixed()),
        `${hh('handedOver')}/${hh('total')}`,
        '',
        '',
      ],
      charts: { progress: f.chart },
    };
  }

  /** A project's row of the appendix (after STT and name). */
  private projectRow(p: Figures['projects'][number]): string[] {
    const next = p.milestones.find((m) => m.dueDate >= p.asOf) ?? p.milestones[p.milestones.length - 1];
    const { households } = p;
    return [
      formatArea(trimDecimal(p.areaToRecover)),
      formatArea(trimDecimal(p.handedOver)),
      pctText(p.handedOverPercent),
      formatArea(new Decimal(p.handedOver).minus(p.handedBefore).toFixed()),
      `${households.handedOver}/${households.total}`,
      next ? `${pctText(trimDecimal(next.targetPercent))} % — ${formatVnDate(next.dueDate)}` : '',
      next ? STATUS[next.status] : '',
    ];
  }

  private async workbook(doc: DocumentRecord): Promise<Buffer> {
    const f = await this.figures(doc);
    const n = (s: string): number => new Decimal(s).toNumber(); // areas ≤ 4 decimals and money cross exactly as doubles
    const projects: CellValue[][] = f.projects.map((p, i) => {
      const { households } = p;
      const next = p.milestones.find((m) => m.dueDate >= p.asOf) ?? p.milestones[p.milestones.length - 1];
      return [
        i + 1,
        p.code,
        p.name,
        n(p.areaToRecover),
        n(p.handedOver),
        n(p.handedOverPercent),
        n(new Decimal(p.handedOver).minus(p.handedBefore).toFixed()),
        households.handedOver,
        households.total,
        n(p.paid),
        n(p.deposited),
        next ? `${pctText(trimDecimal(next.targetPercent))} % — ${formatVnDate(next.dueDate)}` : null,
        next ? STATUS[next.status] : null,
      ];
    });
    return writeWorkbook([
      {
        name: 'Theo dự án',
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Mã dự án', width: 12 },
          { header: 'Dự án', width: 50 },
          { header: 'Cần thu hồi (m²)', width: 16, numFmt: '#,##0.0###' },
          { header: 'Đã bàn giao (m²)', width: 16, numFmt: '#,##0.0###' },
          { header: 'Tỷ lệ (%)', width: 10, numFmt: '0.00' },
          { header: 'Bàn giao trong quý (m²)', width: 18, numFmt: '#,##0.0###' },
          { header: 'Hộ đã bàn giao', width: 14 },
          { header: 'Tổng số hộ', width: 12 },
          { header: 'Chi trả trong quý (đồng)', width: 20, numFmt: '#,##0' },
          { header: 'Gửi Kho bạc trong quý (đồng)', width: 22, numFmt: '#,##0' },
          { header: 'Mốc tiếp theo', width: 22 },
          { header: 'Đánh giá', width: 20 },
        ],
        rows: projects,
      },
      ...(['byCommune', 'byBatch'] as const).map((by) => ({
        name: by === 'byCommune' ? 'Theo xã' : 'Theo đợt',
        columns: [
          { header: 'Mã dự án', width: 12 },
          { header: by === 'byCommune' ? 'Xã' : 'Đợt', width: by === 'byCommune' ? 22 : 10 },
          ...STAGE_COLUMNS.map(([, header]) => ({ header, width: 14 })),
          { header: 'Cần thu hồi (m²)', width: 16, numFmt: '#,##0.0###' },
          { header: 'Đã bàn giao (m²)', width: 16, numFmt: '#,##0.0###' },
          { header: 'Tỷ lệ (%)', width: 10, numFmt: '0.00' },
        ],
        rows: f.projects.flatMap((p) =>
          (by === 'byCommune'
            ? p.byCommune.map((c) => ({ ...c, label: c.communeName }))
            : p.byBatch.map((b) => ({ ...b, label: b.batch ?? 'Chưa xếp đợt' }))
          ).map(
            (g) =>
              [
                p.code,
                g.label,
                ...STAGE_COLUMNS.map(([k]) => g.households[k]),
                n(g.area),
                n(g.handedOver),
                n(g.handedOverPercent),
              ] as CellValue[],
          ),
        ),
      })),
      {
        name: 'Mốc tiến độ',
        columns: [
          { header: 'Mã dự án', width: 12 },
          { header: 'Hạn', width: 12 },
          { header: 'Mục tiêu (%)', width: 12 },
          { header: 'Đạt (%)', width: 10 },
          { header: 'Đánh giá', width: 22 },
          { header: 'Dự kiến đạt', width: 14 },
        ],
        rows: f.projects.flatMap((p) =>
          p.milestones.map(
            (m) =>
              [
                p.code,
                formatVnDate(m.dueDate),
                n(m.targetPercent),
                n(m.actualPercent),
                STATUS[m.status],
                m.forecastDate ? formatVnDate(m.forecastDate) : null,
              ] as CellValue[],
          ),
        ),
      },
      {
        name: 'Khó khăn',
        columns: [
          { header: 'Mã dự án', width: 12 },
          { header: 'Hộ', width: 30 },
          { header: 'Ngày', width: 12 },
          { header: 'Nội dung', width: 30 },
          { header: 'Văn bản', width: 16 },
          { header: 'Ghi chú', width: 40 },
        ],
        rows: f.difficulties.map((d) => [
          d.code,
          d.name,
          formatVnDate(d.on),
          DIFFICULTY_STEPS[d.action],
          d.ref,
          d.note,
        ]),
      },
      {
        name: 'Đơn thư',
        columns: [
          { header: 'Nhóm', width: 14 },
          { header: 'Nội dung', width: 40 },
          { header: 'Số đơn', width: 10 },
        ],
        rows: [
          ...f.complaints.byKind.map((k) => ['Loại đơn', k.label, k.count] as CellValue[]),
          ...f.complaints.byState.map((k) => ['Trạng thái', k.label, k.count] as CellValue[]),
          ...f.complaints.byProject.map((k) => ['Dự án', k.label, k.count] as CellValue[]),
          ...f.complaints.byCommune.map((k) => ['Xã', k.label, k.count] as CellValue[]),
          ['Quá hạn', `tại ngày ${formatVnDate(f.asOf)}`, f.complaints.overdue],
          [
            'Đã giải quyết lần đầu',
            f.complaints.averageResolutionDays
              ? `bình quân ${f.complaints.averageResolutionDays.replace('.', ',')} ngày`
              : '',
            f.complaints.resolved,
          ],
        ],
      },
    ]);
  }
}

/** Households by stage, as the by-commune and by-batch sheets head their columns (from notice to handover). */
const STAGE_COLUMNS: [keyof HouseholdsByStageDto, string][] = [
  ['total', 'Tổng số hộ'],
  ['notified', 'Đã nhận TB thu hồi'],
  ['inventoried', 'Đã kiểm đếm'],
  ['planApproved', 'Có PA được duyệt'],
  ['paid', 'Đã nhận đủ tiền'],
  ['handedOver', 'Đã bàn giao'],
  ['enforced', 'Bị cưỡng chế'],
];

/** The complaints paragraph of the report: what came in, how it stands, how fast it was answered. */
function complaintsText(s: ComplaintSummaryDto): string {
  if (s.total === 0) return 'trong kỳ không tiếp nhận đơn thư nào.';
  const list = (xs: { label: string; count: number }[], lower = true) =>
    xs.map((x) => `${x.count} ${lower ? x.label.toLowerCase() : x.label}`).join(', ');
  const resolved = s.resolved
    ? `; đã giải quyết lần đầu ${s.resolved} đơn, thời gian giải quyết bình quân ${s.averageResolutionDays!.replace('.', ',')} ngày`
    : '';
  return `trong kỳ tiếp nhận ${s.total} đơn (${list(s.byKind)}); theo tình trạng: ${list(s.byState)}${resolved}; ${s.overdue} đơn quá hạn thụ lý hoặc giải quyết; theo xã: ${list(s.byCommune, false)}.`;
}
