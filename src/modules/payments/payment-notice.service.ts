import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatVnDate } from '../../shared/dates.js';
import { amountInWords, formatDong } from '../../shared/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { caseDecisionsHeading } from '../documents/domain/case-decisions.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { PlansService } from '../plans/plans.service.js';

/**
 * Thông báo chi trả of the Center (LĐĐ 2013 Đ69 k3 b, Đ93; procedure.md §10.6): the amount approved in force, the
 * time and place of payment, the handover date. Payments supplies the content; documents numbers, renders, stores.
 */
@Injectable()
export class PaymentNoticeService implements OnModuleInit {
  constructor(
    private readonly documents: DocumentsService,
    private readonly cases: CasesService,
    private readonly plans: PlansService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('payment_notice', (doc) => this.content(doc));
  }

  private async content(doc: DocumentRecord): Promise<DocumentContent> {
    const c = await this.cases.heading(doc.entityId);
    const approved = await this.plans.latestApproved(doc.entityId);
    const recovery = await this.plans.recoveryDecision(doc.entityId);
    const net = approved?.net ?? null;
    return {
      data: {
        ...caseDecisionsHeading(c, approved, recovery),
        money: { net: net === null ? '' : formatDong(net), words: net === null ? '' : amountInWords(net) },
        payment: {
          time: doc.facts.paymentTime.replace(':', ' giờ '),
          date: formatVnDate(doc.facts.paymentOn),
          place: doc.facts.place,
        },
        handover: { by: formatVnDate(doc.facts.handoverBy) },
      },
    };
  }
}
