import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { formatVnDate } from '../../shared/dates.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatArea, vnLongDate } from '../../shared/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { caseDecisionsHeading } from '../documents/domain/case-decisions.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import type { Parcel } from '../parcels/parcel.entity.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { PlansService } from '../plans/plans.service.js';
import { HandoverRepository } from './handover.repository.js';

/** "thửa đất số 12, tờ bản đồ số 5, loại đất LUC, diện tích 300 m²; …" */
const parcelList = (ps: { parcelNumber: string; mapSheet: string; landTypeCode: string; area: string }[]) =>
  ps
    .map(
      (p) =>
        `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích ${formatArea(trimDecimal(p.area))} m²`,
    )
    .join('; ');

/**
 * The documents of taking over the site (procedure.md §10.7, §10.8): the biên bản bàn giao mặt bằng of each handover
 * act and the QĐ cưỡng chế thu hồi đất (LĐĐ 2013 Đ71). Handover supplies their content; documents numbers, renders.
 */
@Injectable()
export class HandoverDocumentsService implements OnModuleInit {
  constructor(
    private readonly repo: HandoverRepository,
    private readonly documents: DocumentsService,
    private readonly cases: CasesService,
    private readonly parcels: ParcelsService,
    private readonly plans: PlansService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('handover_minutes', (doc) => this.minutes(doc));
    this.documents.registerSource('enforcement_decision', (doc) => this.enforcement(doc));
  }

  private async heading(doc: DocumentRecord) {
    const c = await this.cases.heading(doc.entityId);
    const approved = await this.plans.latestApproved(doc.entityId);
    const recovery = await this.plans.recoveryDecision(doc.entityId);
    return { c, base: caseDecisionsHeading(c, approved, recovery) };
  }

  /** QĐ cưỡng chế: the household, the persuasion that failed, the parcels and area to be taken over. */
  private async enforcement(doc: DocumentRecord): Promise<DocumentContent> {
    const { base } = await this.heading(doc);
    const persuadedOn = await this.cases.firstStepOn(doc.entityId, 'persuade_handover');
    const parcels = await this.parcels.ofCase(doc.entityId);
    return {
      data: {
        ...base,
        persuasion: { date: persuadedOn ? formatVnDate(persuadedOn) : '' },
        area: formatArea(parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0)).toFixed()),
        parcels: parcelList(parcels.map((p) => ({ ...p, area: p.recoveredArea }))),
      },
    };
  }

  /** Biên bản bàn giao: the parcels of this act, and what the household has handed over up to it. */
  private async minutes(doc: DocumentRecord): Promise<DocumentContent> {
    const { c, base } = await this.heading(doc);
    const acts = await this.repo.ofMinutes(doc.id);
    if (acts.length === 0) throw new PermanentJobError(`handover minutes ${doc.id} without handovers`);
    const parcels = await this.parcels.ofCase(doc.entityId);
    // In map order (the case's parcels come sorted by sheet and number).
    const rows = parcels.flatMap((p: Parcel) =>
      acts.filter((a) => a.parcelId === p.id).map((a) => ({ ...p, area: a.area })),
    );
    const cumulative = await this.repo.handedUpToMinutes(doc.entityId, doc.id);
    const recovered = parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0));
    const remaining = recovered.minus(cumulative);
    const enforcement = await this.cases.lastStep(doc.entityId, 'order_enforcement');
    return {
      data: {
        ...base,
        enforcement: {
          basis:
            doc.facts.enforced === 'true' && enforcement?.documentRef
              ? `; Căn cứ Quyết định cưỡng chế thu hồi đất số ${enforcement.documentRef} ngày ${formatVnDate(enforcement.occurredOn)}.`
              : '.',
        },
        parcels: parcelList(rows),
        handover: {
          date: vnLongDate(doc.issuedOn),
          area: formatArea(rows.reduce((sum, r) => sum.plus(r.area), new Decimal(0)).toFixed()),
          cumulative: formatArea(trimDecimal(cumulative)),
          recovered: formatArea(trimDecimal(recovered.toFixed())),
          remaining: remaining.gt(0)
            ? `; còn lại ${formatArea(remaining.toFixed())} m² chưa bàn giao.`
            : '; đã bàn giao toàn bộ diện tích thu hồi.',
        },
      },
      signatories: [
        { title: 'Người bàn giao', name: c.name },
        { title: `Đại diện UBND ${c.communeKind}`, name: '' },
        { title: 'Đại diện chủ đầu tư', name: '' },
        { title: 'Đại diện Trung tâm PTQĐ', name: '' },
      ],
    };
  }
}
