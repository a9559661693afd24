import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../../core/auth/policy.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { formatVnDate } from '../../shared/dates.js';
import { formatDong } from '../../shared/vn-words.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { outstandingOf, paymentListTotals, paymentListWorkbook } from './payment-list-workbook.js';
import { PaymentsRepository } from './payments.repository.js';

/**
 * Danh sách chi trả of an approved plan (LĐĐ 2013 Đ93), as PDF and as XLSX under one number of the Center. Payments
 * supply the list's content to the documents module, which numbers, renders and stores it. The list states the
 * payments recorded when it was issued (`facts.recordedUpTo`), so a re-render gives the same file.
 */
@Injectable()
export class PaymentListService implements OnModuleInit {
  constructor(
    private readonly repo: PaymentsRepository,
    private readonly documents: DocumentsService,
    private readonly numbering: NumberingService,
    private readonly projects: ProjectsService,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('payment_list', (doc) => this.content(doc));
    this.documents.registerFile('payment_list_workbook', async (doc) =>
      paymentListWorkbook(this.documents.template('payment_list'), doc.number, await this.rows(doc)),
    );
  }

  async issue(user: AuthUser, planId: string, issuedOn: string): Promise<DocumentRecord[]> {
    const plan = await this.repo.listPlan(planId);
    if (!plan) throw notFound('plan', planId, 'phương án');
    // The Center of the project's district issues the list.
    const communeId = (await this.projects.ref(plan.projectId)).communeIds[0];
    if (!communeId)
      throw new AppError(
        'conflict',
        'DOCUMENT.ISSUER_UNKNOWN',
        'Không xác định được Trung tâm Phát triển quỹ đất của huyện.',
        {},
      );
    const center = await this.reference.issuer('land_fund_center', communeId);
    const docs = await this.repo.transaction(async (em) => {
      const upTo = await this.repo.recordedUpTo(planId);
      const n = await this.numbering.take(em, user, {
        agencyId: center,
        typeCode: 'DS',
        issuedOn,
        subject: `Danh sách chi trả: ${plan.name}`,
        entityType: 'plan',
        entityId: planId,
      });
      const common = {
        entityType: 'plan',
        entityId: planId,
        planId,
        number: n.formatted,
        issuedOn,
        recordVersion: plan.version,
        facts: { recordedUpTo: upTo },
        signedBy: { agencyId: center },
      };
      const file = `DS ${n.formatted.replace('/', '-')} danh sách chi trả`;
      return this.documents.issueMany(em, [
        { ...common, type: 'payment_list', fileName: `${file}.pdf` },
        { ...common, type: 'payment_list_workbook', fileName: `${file}.xlsx` },
      ]);
    });
    for (const d of docs) await this.documents.enqueue(d.id);
    return docs;
  }

  private rows(doc: DocumentRecord) {
    return this.repo.listRows(doc.planId as string, doc.facts.recordedUpTo);
  }

  private async content(doc: DocumentRecord): Promise<DocumentContent> {
    const plan = await this.repo.listHeading(doc.planId as string);
    if (!plan) throw new PermanentJobError(`plan ${doc.planId} not found`);
    const rows = await this.rows(doc);
    const t = paymentListTotals(rows);
    return {
      data: {
        district: { name: plan.district },
        project: { name: plan.projectName },
        plan: {
          name: plan.name,
          approvalNumber: plan.approvalNumber,
          approvedOn: plan.approvedOn ? formatVnDate(plan.approvedOn) : '',
        },
        list: {
          asOf: formatVnDate(doc.issuedOn),
          caseCount: rows.length,
          settled: String(t.settled),
          approved: formatDong(t.approved.toFixed()),
          late: formatDong(t.late.toFixed()),
          paid: formatDong(t.paid.toFixed()),
          deposited: formatDong(t.deposited.toFixed()),
          outstanding: formatDong(t.outstanding.toFixed()),
        },
      },
      rows: rows.map((r, i) => [
        String(i + 1),
        r.name,
        r.commune,
        r.recovery,
        formatDong(r.approved),
        formatDong(r.late),
        formatDong(r.paid),
        formatDong(r.deposited),
        formatDong(outstandingOf(r).toFixed()),
        '',
      ]),
      totals: [
        '',
        'Tổng cộng',
        '',
        '',
        formatDong(t.approved.toFixed()),
        formatDong(t.late.toFixed()),
        formatDong(t.paid.toFixed()),
        formatDong(t.deposited.toFixed()),
        formatDong(t.outstanding.toFixed()),
        '',
      ],
    };
  }
}
