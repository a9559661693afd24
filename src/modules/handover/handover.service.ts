import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../core/text/decimal.js';
import { formatArea } from '../../core/text/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import { HandoverStateDto, RecordHandoverDto } from './dto/handover.dto.js';
import { Handover } from './handover.entity.js';

@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Partial handovers add up per parcel, never beyond its recovered area; only after the plan's approval. */
  async record(user: AuthUser, caseId: string, dto: RecordHandoverDto): Promise<HandoverStateDto> {
    const { case: c } = await this.cases.access(user, caseId, 'write');
    if (dto.handedOverOn > this.clock.today()) throw new AppError('validation', 'HANDOVER.DATE_IN_FUTURE', 'Ngày bàn giao không được sau ngày hôm nay.', { field: 'handedOverOn' });
    await this.db.transaction(async (em) => {
      await this.cases.lockCase(em, caseId);
      const [approved] = await em.query(
        `SELECT to_char(p.approved_on, 'YYYY-MM-DD') AS "approvedOn" FROM plan_cases pc JOIN plans p ON p.id = pc.plan_id
         WHERE pc.case_id = $1 AND p.status IN ('APPROVED', 'PUBLISHED') ORDER BY p.approved_on LIMIT 1`,
        [caseId],
      );
      if (!approved) throw new AppError('conflict', 'HANDOVER.NOT_APPROVED', 'Hồ sơ chưa có quyết định thu hồi đất nên chưa nhận bàn giao.', { caseId });
      if (dto.handedOverOn < approved.approvedOn) throw new AppError('validation', 'HANDOVER.BEFORE_DECISION', 'Ngày bàn giao trước ngày quyết định thu hồi đất.', { field: 'handedOverOn' });
      const parcels: { id: string; parcelNumber: string; mapSheet: string; recovered: string; handed: string }[] = await em.query(
        `SELECT p.id, p.parcel_number AS "parcelNumber", p.map_sheet AS "mapSheet", p.recovered_area::text AS recovered,
                (SELECT coalesce(sum(h.area), 0)::text FROM handovers h WHERE h.parcel_id = p.id) AS handed
         FROM parcels p WHERE p.case_id = $1`,
        [caseId],
      );
      for (const item of dto.parcels) {
        const p = parcels.find((x) => x.id === item.parcelId);
        if (!p) throw new AppError('validation', 'HANDOVER.PARCEL_NOT_IN_CASE', 'Thửa đất không thuộc hồ sơ này.', { parcelId: item.parcelId });
        const after = new Decimal(p.handed).plus(item.area);
        if (new Decimal(item.area).lte(0) || after.gt(p.recovered)) {
          throw new AppError(
            'validation',
            'HANDOVER.AREA_EXCEEDS_RECOVERED',
            `Thửa ${p.parcelNumber} tờ ${p.mapSheet}: bàn giao thêm ${formatArea(trimDecimal(item.area))} m² vượt diện tích thu hồi còn lại (${formatArea(new Decimal(p.recovered).minus(p.handed).toFixed())} m²).`,
            { parcelId: p.id, recovered: trimDecimal(p.recovered), handedOver: trimDecimal(p.handed) },
          );
        }
      }
      await em.getRepository(Handover).insert(
        dto.parcels.map((item) => ({
          caseId,
          projectId: c.projectId,
          parcelId: item.parcelId,
          handedOverOn: dto.handedOverOn,
          area: item.area,
          minutesAttachmentId: dto.minutesAttachmentId ?? null,
          enforced: dto.enforced ?? false,
          recordedBy: user.id,
        })),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'handover',
        entityId: caseId,
        changes: dto.parcels.map((p) => ({ field: `parcel:${p.parcelId}`, from: null, to: `${p.area} m² ngày ${dto.handedOverOn}` })),
      });
    });
    return this.state(user, caseId);
  }

  async state(user: AuthUser, caseId: string): Promise<HandoverStateDto> {
    await this.cases.access(user, caseId, 'read');
    const [{ recovered }] = await this.db.query('SELECT coalesce(sum(recovered_area), 0)::text AS recovered FROM parcels WHERE case_id = $1', [caseId]);
    const records: { parcelId: string; handedOverOn: string; area: string; enforced: boolean }[] = await this.db.query(
      `SELECT parcel_id AS "parcelId", to_char(handed_over_on, 'YYYY-MM-DD') AS "handedOverOn", area::text AS area, enforced
       FROM handovers WHERE case_id = $1 ORDER BY handed_over_on, recorded_at`,
      [caseId],
    );
    const handed = records.reduce((s, r) => s.plus(r.area), new Decimal(0));
    return {
      caseId,
      recovered: trimDecimal(recovered),
      handedOver: handed.toFixed(),
      complete: handed.gte(recovered) && handed.gt(0),
      records: records.map((r) => ({ ...r, area: trimDecimal(r.area) })),
    };
  }
}
