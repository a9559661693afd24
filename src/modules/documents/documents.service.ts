import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import type { ChartModel } from '../../shared/document-model.js';
import { renderNd30Pdf } from '../../core/pdf/nd30-pdf.js';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { WorkerService } from '../../core/queue/worker.service.js';
import { FileStorage } from '../../core/storage/file-storage.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { TypeCode } from '../numbering/issued-number.entity.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { DocumentRecord, type DocumentSigner, type DocumentType } from './document.entity.js';
import { type DocumentTemplate, fillTemplate, TemplateError } from './domain/templates.js';

export type { DocumentTemplate };

export interface IssueRequest {
  type: DocumentType;
  entityType: string;
  entityId: string;
  planId: string | null;
  number: string;
  issuedOn: string;
  recordVersion: number;
  fileName: string;
  facts?: Record<string, string>;
  /**
   * The body that signs it, and the signatory chosen when it is issued (a deputy signing for the head); without one,
   * the head in office on the issue date (issue 18 §12). Minutes, signed by their parties, have none.
   */
  signedBy?: { agencyId: string; signatoryId?: string };
}

const TEMPLATE_FILES: Record<DocumentType, string> = {
  recovery_decision: 'quyet-dinh-thu-hoi-dat.json',
  plan_approval: 'quyet-dinh-phe-duyet-phuong-an.json',
  inventory_minutes: 'bien-ban-kiem-dem.json',
  recovery_notice: 'thong-bao-thu-hoi-dat.json',
  forced_survey_decision: 'quyet-dinh-kiem-dem-bat-buoc.json',
  payment_notice: 'thong-bao-chi-tra.json',
  handover_minutes: 'bien-ban-ban-giao-mat-bang.json',
  enforcement_decision: 'quyet-dinh-cuong-che-thu-hoi-dat.json',
  payment_list: 'danh-sach-chi-tra.json',
  payment_list_workbook: 'danh-sach-chi-tra.json',
  quarterly_report: 'bao-cao-quy.json',
  quarterly_report_workbook: 'bao-cao-quy.json',
};

/**
 * What documents need of the record a document is about: who may see it (the project's investor, the communes) and,
 * for a case, the household it names and the commune that decides which People's Committee or Center issues it.
 */
export interface DocumentSubject {
  investorAgencyId: string;
  communeIds: string[];
  holder?: { name: string; communeId: string };
}

/** What a template is filled with: the records' values, the appendix table, the signing parties, the charts. */
export interface DocumentContent {
  data: Record<string, unknown>;
  rows?: string[][];
  totals?: string[];
  signatories?: { title: string; name: string }[];
  charts?: Record<string, ChartModel>;
}

/**
 * Issued documents: rows are written with the act that issues them (same transaction, number already taken); the
 * PDF is rendered only by a worker (`documents.render`), with a deterministic job id so a retry or a second click
 * renders nothing twice. Templates are read from templates/documents/ at render time: wording changes need no code.
 */
@Injectable()
export class DocumentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly workers: WorkerService,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit(): void {
    this.workers.register('documents.render', async ({ documentId }) => this.render(documentId));
    this.workers.register('documents.batch', async ({ planId, type }, job) => {
      const todo = await this.db
        .getRepository(DocumentRecord)
        .find({ where: { planId, type: type as DocumentType }, order: { number: 'ASC' } });
      let done = 0;
      for (const d of todo) {
        await this.render(d.id); // already rendered ones are skipped
        done++;
        if (done % 10 === 0 || done === todo.length) await job.updateProgress(Math.floor((done * 100) / todo.length));
      }
      return { planId, type, documents: todo.length };
    });
  }

  /**
   * Batch rendering for a plan (a second click while it runs, or after it finished with nothing new, adds nothing:
   * the job id names the plan, the type and how many documents are still to render).
   */
  async batch(
    user: AuthUser,
    planId: string,
    type: DocumentType,
  ): Promise<{ jobId: string; documents: number; pending: number }> {
    const all = await this.db.getRepository(DocumentRecord).find({ where: { planId, type } });
    if (all.length === 0)
      throw new AppError(
        'validation',
        'DOCUMENT.NONE',
        'Phương án chưa có văn bản loại này (văn bản được ban hành khi phê duyệt).',
        { type },
      );
    if (!(await this.visible(user, all[0])))
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Phương án này không thuộc phạm vi bạn được giao.', {
        planId,
      });
    const pending = all.filter((d) => d.status !== 'rendered').length;
    const job = await this.queues.enqueue('documents.batch', { planId, type }, `batch.${planId}.${type}.${pending}`);
    return { jobId: job.id, documents: all.length, pending };
  }

  /** Records a document to be rendered; call `enqueue` after the transaction commits. */
  async issue(em: EntityManager, d: IssueRequest): Promise<DocumentRecord> {
    const [doc] = await this.issueMany(em, [d]);
    return doc;
  }

  /** Many documents issued in one act (a plan's recovery decisions), written in bulk. */
  async issueMany(em: EntityManager, docs: IssueRequest[]): Promise<DocumentRecord[]> {
    // The signer of each document, resolved once per body, day and choice (a plan's thousand recovery decisions).
    const signers = new Map<string, DocumentSigner>();
    const key = (d: IssueRequest) => `${d.signedBy!.agencyId}|${d.issuedOn}|${d.signedBy!.signatoryId ?? ''}`;
    for (const d of docs)
      if (d.signedBy && !signers.has(key(d)))
        signers.set(key(d), await this.reference.signer(em, d.signedBy.agencyId, d.issuedOn, d.signedBy.signatoryId));
    const rows = docs.map(({ signedBy, ...d }) =>
      em.getRepository(DocumentRecord).create({
        ...d,
        signer: signedBy ? signers.get(key({ ...d, signedBy })) : null,
        facts: d.facts ?? {},
        status: 'pending',
        storageKey: null,
        sha256: null,
        pageCount: null,
        replacesId: null,
        error: null,
        renderedAt: null,
      }),
    );
    return em.getRepository(DocumentRecord).save(rows, { chunk: 200 });
  }

  /**
   * Re-issue, never overwrite: a corrected document is a new document, with a number of its own, that names the one it
   * replaces; the old one stays readable.
   */
  async reissue(user: AuthUser, id: string, issuedOn: string, reason: string): Promise<DocumentRecord> {
    const old = await this.get(user, id);
    if (old.status !== 'rendered')
      throw new AppError('conflict', 'DOCUMENT.NOT_RENDERED', 'Văn bản gốc chưa được tạo xong.', {
        status: old.status,
      });
    if (await this.db.getRepository(DocumentRecord).existsBy({ replacesId: id })) {
      throw new AppError(
        'conflict',
        'DOCUMENT.ALREADY_REPLACED',
        'Văn bản này đã được thay thế; hãy thay thế văn bản mới nhất.',
        { documentId: id },
      );
    }
    const issuer = await this.numbering.issuerOf(old.number, old.entityId);
    if (!issuer)
      throw new AppError('conflict', 'DOCUMENT.ISSUER_UNKNOWN', 'Không tìm thấy cơ quan đã cấp số văn bản gốc.', {});
    const created = await this.db.transaction(async (em) => {
      const n = await this.numbering.take(em, user, {
        agencyId: issuer.agencyId,
        typeCode: issuer.typeCode,
        issuedOn,
        subject: `Thay thế văn bản số ${old.number}: ${reason}`,
        entityType: old.entityType,
        entityId: old.entityId,
      });
      const doc = await this.issue(em, {
        ...pick(old),
        // A new issue on a new day: signed by whoever heads the body that day.
        signedBy: old.signer ? { agencyId: issuer.agencyId } : undefined,
        number: n.formatted,
        issuedOn,
        fileName: old.fileName.replace(old.number.replace('/', '-'), n.formatted.replace('/', '-')),
      });
      await em.getRepository(DocumentRecord).update({ id: doc.id }, { replacesId: old.id });
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'document',
        entityId: doc.id,
        changes: [
          { field: 'replaces', from: old.number, to: n.formatted },
          { field: 'reason', from: null, to: reason },
        ],
      });
      return { ...doc, replacesId: old.id };
    });
    await this.queues.enqueue('documents.render', { documentId: created.id }, `render.${created.id}`);
    return created;
  }

  async enqueue(documentId: string): Promise<string> {
    return (await this.queues.enqueue('documents.render', { documentId }, `render.${documentId}`)).id;
  }

  async enqueuePending(planId: string): Promise<string[]> {
    const pending = await this.db
      .getRepository(DocumentRecord)
      .find({ where: { planId, status: 'pending' }, select: { id: true } });
    const ids: string[] = [];
    for (const d of pending)
      ids.push((await this.queues.enqueue('documents.render', { documentId: d.id }, `render.${d.id}`)).id);
    return ids;
  }

  async list(
    user: AuthUser,
    q: { entityType?: string; entityId?: string; planId?: string },
  ): Promise<DocumentRecord[]> {
    const qb = this.db.getRepository(DocumentRecord).createQueryBuilder('d').orderBy('d.createdAt', 'ASC');
    if (q.planId) qb.andWhere('(d.planId = :planId)', { planId: q.planId });
    if (q.entityType) qb.andWhere('d.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('d.entityId = :entityId', { entityId: q.entityId });
    const rows = await qb.getMany();
    return (await Promise.all(rows.map(async (r) => ((await this.visible(user, r)) ? r : null)))).filter(
      (r): r is DocumentRecord => r !== null,
    );
  }

  /** What a document is about (its plan, and the record it names), or null when there is no such document. */
  async findTarget(id: string): Promise<{ planId: string | null; entityType: string; entityId: string } | null> {
    const d = await this.db
      .getRepository(DocumentRecord)
      .findOne({ where: { id }, select: { id: true, planId: true, entityType: true, entityId: true } });
    return d ? { planId: d.planId, entityType: d.entityType, entityId: d.entityId } : null;
  }

  async get(user: AuthUser, id: string): Promise<DocumentRecord> {
    const d = await this.db.getRepository(DocumentRecord).findOneBy({ id });
    if (!d) throw notFound('document', id, 'văn bản');
    if (!(await this.visible(user, d)))
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Văn bản này không thuộc phạm vi bạn được giao.', {
        documentId: id,
      });
    return d;
  }

  async open(user: AuthUser, id: string): Promise<{ doc: DocumentRecord; stream: Readable }> {
    const doc = await this.get(user, id);
    if (doc.status !== 'rendered' || !doc.storageKey) {
      throw new AppError('conflict', 'DOCUMENT.NOT_RENDERED', 'Văn bản đang được tạo, vui lòng thử lại sau ít phút.', {
        status: doc.status,
      });
    }
    return { doc, stream: this.storage.read(doc.storageKey) };
  }

  /** The worker's job: idempotent, and the same records give the same file (same SHA-256). */
  async render(documentId: string): Promise<{ sha256: string; pages: number; skipped: boolean }> {
    const doc = await this.db.getRepository(DocumentRecord).findOneBy({ id: documentId });
    if (!doc) throw new PermanentJobError(`document ${documentId} not found`);
    if (doc.status === 'rendered' && doc.sha256)
      return { sha256: doc.sha256, pages: doc.pageCount ?? 0, skipped: true };
    const file = this.files.get(doc.type);
    if (file) {
      const stored = await this.storage.put(await file(doc));
      await this.db.getRepository(DocumentRecord).update(
        { id: doc.id },
        {
          status: 'rendered',
          storageKey: stored.key,
          sha256: stored.sha256,
          pageCount: null,
          error: null,
          renderedAt: this.clock.now(),
        },
      );
      return { sha256: stored.sha256, pages: 0, skipped: false };
    }
    let model;
    try {
      const template = this.template(doc.type);
      const { data, rows, totals, signatories, charts } = await this.dataFor(doc);
      // The signer kept with the document (documents issued before signers were data name the user in their facts).
      const signer =
        doc.signer ?? (doc.facts.signer ? { name: doc.facts.signer, title: '', deputy: false } : undefined);
      model = fillTemplate(
        template,
        { ...data, number: doc.number, signer: { name: signer?.name } },
        {
          number: doc.number,
          date: doc.issuedOn,
          appendixRows: rows,
          appendixTotals: totals,
          signatories,
          charts,
          signer,
        },
      );
    } catch (err) {
      if (err instanceof TemplateError) {
        await this.db.getRepository(DocumentRecord).update({ id: doc.id }, { status: 'failed', error: err.message });
        throw new PermanentJobError(err.message);
      }
      throw err;
    }
    const { pdf, pages } = await renderNd30Pdf(model, this.config.fontDir, {
      title: `${model.kind} ${doc.number}`,
      issuedOn: doc.issuedOn,
    });
    const stored = await this.storage.put(pdf);
    await this.db.getRepository(DocumentRecord).update(
      { id: doc.id },
      {
        status: 'rendered',
        storageKey: stored.key,
        sha256: stored.sha256,
        pageCount: pages,
        error: null,
        renderedAt: this.clock.now(),
      },
    );
    return { sha256: stored.sha256, pages, skipped: false };
  }

  /**
   * Another context renders its own documents through these (the quarterly report: figures from progress): the
   * content of a PDF filled into its template, or a whole file (XLSX).
   */
  private readonly sources = new Map<DocumentType, (doc: DocumentRecord) => Promise<DocumentContent>>();
  private readonly files = new Map<DocumentType, (doc: DocumentRecord) => Promise<Buffer>>();
  registerSource(type: DocumentType, source: (doc: DocumentRecord) => Promise<DocumentContent>): void {
    this.sources.set(type, source);
  }
  registerFile(type: DocumentType, file: (doc: DocumentRecord) => Promise<Buffer>): void {
    this.files.set(type, file);
  }

  /**
   * The module owning a kind of record says who may see the documents about it (and, for a case, whom they name):
   * cases for `case`, inventory for `inventory`, plans for `plan` (a document with a plan takes the plan's scope).
   */
  private readonly subjects = new Map<string, (id: string) => Promise<DocumentSubject | null>>();
  registerSubject(entityType: string, resolve: (id: string) => Promise<DocumentSubject | null>): void {
    this.subjects.set(entityType, resolve);
  }

  private async dataFor(doc: DocumentRecord): Promise<DocumentContent> {
    const source = this.sources.get(doc.type);
    if (!source) throw new PermanentJobError(`no content source for documents of type ${doc.type}`);
    try {
      return await source(doc);
    } catch (err) {
      // A record the document is about that no longer exists: retrying will not bring it back.
      if (err instanceof AppError && err.kind === 'not_found') throw new PermanentJobError(err.message);
      throw err;
    }
  }

  /** Templates are re-read when their file changes (an administrator's edit applies to the next render). */
  private readonly templates = new Map<string, { mtimeMs: number; template: DocumentTemplate }>();
  /** The template of a document type (its wording), for a module that builds a whole file (a workbook). */
  template(type: DocumentType): DocumentTemplate {
    const path = join(process.cwd(), 'templates', 'documents', TEMPLATE_FILES[type]);
    const mtimeMs = statSync(path).mtimeMs;
    const hit = this.templates.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit.template;
    const template = JSON.parse(readFileSync(path, 'utf8')) as DocumentTemplate;
    this.templates.set(path, { mtimeMs, template });
    return template;
  }

  /**
   * QĐ kiểm đếm bắt buộc (LĐĐ 2013 Đ69 k1 d; a personal decision of the Chairman: no "TM.", procedure.md §10.4),
   * issued in the caller's transaction by the case step that orders it; rendered after commit.
   */
  issueForcedSurveyDecision(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    issuedOn: string,
    signatoryId?: string,
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'forced_survey_decision',
      issuer: 'people_committee',
      typeCode: 'QĐ',
      issuedOn,
      subject: 'Kiểm đếm bắt buộc đối với',
      file: 'kiểm đếm bắt buộc',
      facts: {},
      signatoryId,
    });
  }

  /** QĐ cưỡng chế thu hồi đất (LĐĐ 2013 Đ71 k2: the Chairman of the district, personally), on the case step ordering it. */
  issueEnforcementDecision(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    issuedOn: string,
    signatoryId?: string,
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'enforcement_decision',
      issuer: 'people_committee',
      typeCode: 'QĐ',
      issuedOn,
      subject: 'Cưỡng chế thu hồi đất đối với',
      file: 'cưỡng chế thu hồi đất',
      facts: {},
      signatoryId,
    });
  }

  /** Thông báo chi trả of the Center (LĐĐ 2013 Đ69 k3 b, Đ93): amount, time and place of payment, handover date. */
  issuePaymentNotice(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    issuedOn: string,
    facts: { paymentOn: string; paymentTime: string; place: string; handoverBy: string },
    signatoryId?: string,
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'payment_notice',
      issuer: 'land_fund_center',
      typeCode: 'TB',
      issuedOn,
      subject: 'Thông báo chi trả cho',
      file: 'chi trả',
      facts,
      signatoryId,
    });
  }

  /** Biên bản bàn giao mặt bằng of one handover act (its rows point at the document: `handovers.minutes_document_id`). */
  issueHandoverMinutes(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    handedOverOn: string,
    enforced: boolean,
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'handover_minutes',
      issuer: 'land_fund_center',
      typeCode: 'BB',
      issuedOn: handedOverOn,
      subject: 'Bàn giao mặt bằng của',
      file: 'bàn giao mặt bằng',
      facts: { enforced: String(enforced) },
      minutes: true,
    });
  }

  /** A case's document numbered by the district People's Committee or by the Center of the case's district. */
  /** The body issuing documents of that kind for a place (its district), as a step's form offers signers. */
  issuingBody(kind: 'people_committee' | 'land_fund_center', placeId: string) {
    return this.reference.issuingBody(kind, placeId);
  }

  private async issueForCase(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    d: {
      type: DocumentType;
      issuer: 'people_committee' | 'land_fund_center';
      typeCode: TypeCode;
      issuedOn: string;
      subject: string;
      file: string;
      facts: Record<string, string>;
      /** A deputy chosen to sign for the head; minutes are signed by their parties instead. */
      signatoryId?: string;
      minutes?: boolean;
    },
  ): Promise<DocumentRecord> {
    const holder = (await this.subject('case', caseId))?.holder;
    if (!holder) throw notFound('case', caseId, 'hồ sơ');
    const issuer = { id: await this.reference.issuer(d.issuer, holder.communeId), fullName: holder.name };
    const n = await this.numbering.take(em, user, {
      agencyId: issuer.id,
      typeCode: d.typeCode,
      issuedOn: d.issuedOn,
      subject: `${d.subject} ${issuer.fullName}`,
      entityType: 'case',
      entityId: caseId,
    });
    return this.issue(em, {
      type: d.type,
      entityType: 'case',
      entityId: caseId,
      planId: null,
      number: n.formatted,
      issuedOn: d.issuedOn,
      recordVersion: 1,
      fileName: `${d.typeCode} ${n.formatted.replace('/', '-')} ${d.file} ${issuer.fullName}.pdf`,
      facts: d.facts,
      signedBy: d.minutes ? undefined : { agencyId: issuer.id, signatoryId: d.signatoryId },
    });
  }

  /** Who may see a document: the scope of the plan it belongs to, or of the record it is about. */
  private async visible(user: AuthUser, d: DocumentRecord): Promise<boolean> {
    const scope = accessScope(user);
    if (scope.kind === 'all') return true;
    const subject = d.planId ? await this.subject('plan', d.planId) : await this.subject(d.entityType, d.entityId);
    if (!subject) return false;
    if (scope.kind === 'investor') return subject.investorAgencyId === scope.agencyId;
    return subject.communeIds.some((c) => scope.communeIds.includes(c));
  }

  private async subject(entityType: string, id: string): Promise<DocumentSubject | null> {
    const resolve = this.subjects.get(entityType);
    return resolve ? resolve(id) : null;
  }
}

const pick = (d: DocumentRecord) => ({
  type: d.type,
  entityType: d.entityType,
  entityId: d.entityId,
  planId: d.planId,
  recordVersion: d.recordVersion,
  facts: d.facts,
});
