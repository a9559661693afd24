import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { AppError } from '../../core/errors/app-error.js';
import { formatVnDate } from '../../shared/dates.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatArea } from '../../shared/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import type { IssuedNoticeDto, RecoveryNoticesDto } from './dto/notices.dto.js';

/** The article a project recovers land under, as the notice states it (LĐĐ 2013 Đ61, Đ62). */
const GROUNDS: Record<string, string> = {
  '61': 'thu hồi đất vì mục đích quốc phòng, an ninh, Điều 61 Luật Đất đai 2013',
  '62': 'thu hồi đất để phát triển kinh tế - xã hội vì lợi ích quốc gia, công cộng, Điều 62 Luật Đất đai 2013',
};

/**
 * Thông báo thu hồi đất (LĐĐ 2013 Đ67; procedure.md §4 step 3, §10.1) and QĐ kiểm đếm bắt buộc (Đ69 k1 d, §10.4):
 * their issue and their content. Delivery of the notice is then recorded on the case (deliver_notice), which starts
 * the 90/180-day notice period; the forced-survey decision is issued by the case step that orders it.
 */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly numbering: NumberingService,
    private readonly reference: ReferenceService,
    private readonly cases: CasesService,
    private readonly parcels: ParcelsService,
    private readonly projects: ProjectsService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('recovery_notice', (doc) => this.content(doc));
    this.documents.registerSource('forced_survey_decision', (doc) => this.content(doc));
  }

  /** One notice per household, numbered by the district People's Committee in one transaction, rendered by workers. */
  async issueRecoveryNotices(user: AuthUser, projectId: string, dto: RecoveryNoticesDto): Promise<IssuedNoticeDto[]> {
    const cases = (await this.cases.holders(dto.caseIds)).filter((c) => c.projectId === projectId);
    const unknown = dto.caseIds.filter((id) => !cases.some((c) => c.caseId === id));
    if (unknown.length)
      throw new AppError('validation', 'NOTICE.CASES_UNKNOWN', 'Có hồ sơ không thuộc dự án.', { unknown });
    const scope = accessScope(user);
    if (scope.kind === 'communes' && cases.some((c) => !scope.communeIds.includes(c.communeId))) {
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Có hồ sơ không thuộc xã bạn được giao.', {});
    }
    // The notice states the area and the parcels to be recovered (LĐĐ 2013 Đ67; procedure.md §10.1): a household
    // without a parcel recorded (from the cadastral extract) cannot be given one yet.
    const areas = await this.parcels.recoveredAreas(cases.map((c) => c.caseId));
    const withoutParcels = cases.filter((c) => !areas.has(c.caseId));
    if (withoutParcels.length)
      throw new AppError(
        'conflict',
        'NOTICE.NO_PARCELS',
        `${withoutParcels.length} hộ chưa có thửa đất dự kiến thu hồi (ví dụ ${withoutParcels[0].name}): ghi thửa đất theo trích lục bản đồ trước khi ban hành thông báo.`,
        { field: 'caseIds', caseIds: withoutParcels.map((c) => c.caseId) },
      );
    if (dto.surveyTo < dto.surveyFrom)
      throw new AppError(
        'validation',
        'NOTICE.SURVEY_PERIOD',
        'Thời gian kiểm đếm: ngày kết thúc trước ngày bắt đầu.',
        { field: 'surveyTo' },
      );
    const issued = await this.db.transaction(async (em) => {
      const issuer = await this.reference.issuer('people_committee', cases[0].communeId, 'NOTICE.ISSUER_UNKNOWN');
      const out: IssuedNoticeDto[] = [];
      for (const c of cases) {
        const n = await this.numbering.take(em, user, {
          agencyId: issuer,
          typeCode: 'TB',
          issuedOn: dto.issuedOn,
          subject: `Thông báo thu hồi đất của ${c.name}`,
          entityType: 'case',
          entityId: c.caseId,
        });
        const doc = await this.documents.issue(em, {
          type: 'recovery_notice',
          entityType: 'case',
          entityId: c.caseId,
          planId: null,
          number: n.formatted,
          issuedOn: dto.issuedOn,
          recordVersion: 1,
          fileName: `TB ${n.formatted.replace('/', '-')} thu hồi đất ${c.name}.pdf`,
          facts: { surveyFrom: dto.surveyFrom, surveyTo: dto.surveyTo },
          signedBy: { agencyId: issuer, signatoryId: dto.signatoryId },
        });
        out.push({ caseId: c.caseId, documentId: doc.id, number: n.formatted });
      }
      return out;
    });
    for (const d of issued) await this.documents.enqueue(d.documentId);
    return issued;
  }

  /** The household, its parcels, the project's legal ground, the survey period (and, once refused, the persuasion). */
  private async content(doc: DocumentRecord): Promise<DocumentContent> {
    const c = await this.cases.heading(doc.entityId);
    const basis = await this.projects.recoveryBasis(c.projectId);
    const persuadedOn = await this.cases.firstStepOn(doc.entityId, 'persuade_survey');
    const parcels = await this.parcels.ofCase(doc.entityId);
    const area = parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0));
    return {
      data: {
        district: { name: c.district },
        project: {
          name: c.projectName,
          legalBasis: basis.legalBasis || 'chủ trương đầu tư dự án',
          ground: GROUNDS[basis.recoveryGround] ?? GROUNDS['62'],
        },
        holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
        commune: { name: c.commune, kind: c.communeKind },
        // No parcel, no area: the render stops (a notice never says "dự kiến m² đất"); issuing one is refused first.
        area: parcels.length ? formatArea(area.toFixed()) : '',
        parcels: parcels.length
          ? parcels
              .map(
                (p) =>
                  `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích dự kiến thu hồi ${formatArea(trimDecimal(p.recoveredArea))} m²`,
              )
              .join('; ')
          : '',
        survey: {
          from: doc.facts.surveyFrom ? formatVnDate(doc.facts.surveyFrom) : '',
          to: doc.facts.surveyTo ? formatVnDate(doc.facts.surveyTo) : '',
        },
        notice: c.notice,
        persuasion: { date: persuadedOn ? formatVnDate(persuadedOn) : '' },
      },
    };
  }
}
