import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { formatVnDate } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import type { ChartModel } from '../../shared/document-model.js';
import { renderNd30Pdf } from '../../core/pdf/nd30-pdf.js';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { WorkerService } from '../../core/queue/worker.service.js';
import { FileStorage } from '../../core/storage/file-storage.js';
import { trimDecimal } from '../../shared/decimal.js';
import { amountInWords, formatArea, formatDong, vnLongDate } from '../../shared/vn-words.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { TypeCode } from '../numbering/issued-number.entity.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { DocumentRecord, type DocumentType } from './document.entity.js';
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
}

/** The case's notice: number and delivery date, as recorded on its deliver_notice step. */
const NOTICE_COLUMNS = `(SELECT t.document_ref FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeRef",
              (SELECT to_char(t.occurred_on, 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeOn"`;

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

/** What a template is filled with: the records' values, the appendix table, the signing parties, the charts. */
export interface DocumentContent {
  data: Record<string, unknown>;
  rows?: string[][];
  totals?: string[];
  signatories?: { title: string; name: string }[];
  charts?: Record<string, ChartModel>;
}

/** A case's household, place and decisions, as the case documents after approval state them. */
const CASE_CONTEXT = `SELECT c.id, lu.full_name AS name, lu.address, au.name AS commune, au.kind AS "communeKind", d.name AS district, p.name AS "projectName",
         a.net, a.approval_number AS "approvalNumber", a.approved_on AS "approvedOn", r.recovery_number AS "recoveryNumber", r.approved_on AS "recoveredOn",
         (SELECT to_char(min(t.occurred_on), 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'persuade_handover') AS "persuadedOn",
         (SELECT t.document_ref || '|' || to_char(t.occurred_on, 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'order_enforcement' ORDER BY t.recorded_at DESC LIMIT 1) AS enforcement
  FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id JOIN admin_units d ON d.id = au.parent_id
  JOIN projects p ON p.id = c.project_id
  -- The latest approved figure (an adjustment replaces its parent's) and the recovery decision (issued once, V2013:
  -- the same day as the approval of the plan that issued it).
  LEFT JOIN LATERAL (SELECT pc.net::text AS net, pl.approval_number, to_char(pl.approved_on, 'YYYY-MM-DD') AS approved_on
                     FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id
                     WHERE pc.case_id = c.id AND pl.status IN ('APPROVED', 'PUBLISHED') ORDER BY pl.approved_on DESC, pl.created_at DESC LIMIT 1) a ON true
  LEFT JOIN LATERAL (SELECT pc.recovery_number, to_char(pl.approved_on, 'YYYY-MM-DD') AS approved_on
                     FROM plan_cases pc JOIN plans pl ON pl.id = pc.plan_id
                     WHERE pc.case_id = c.id AND pc.recovery_number IS NOT NULL ORDER BY pl.approved_on LIMIT 1) r ON true
  WHERE c.id = $1`;

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
    const rows = docs.map((d) =>
      em.getRepository(DocumentRecord).create({
        ...d,
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
   * Thông báo thu hồi đất (LĐĐ 2013 Đ67; procedure.md §4 step 3, §10.1), one per household, numbered by the district
   * People's Committee in one transaction and rendered by workers. Delivery is then recorded on the case
   * (deliver_notice), which starts the 90/180-day notice period.
   */
  async issueRecoveryNotices(
    user: AuthUser,
    projectId: string,
    dto: { issuedOn: string; caseIds: string[]; surveyFrom: string; surveyTo: string },
  ): Promise<{ caseId: string; documentId: string; number: string }[]> {
    const cases: { id: string; fullName: string; communeId: string }[] = await this.db.query(
      `SELECT c.id, lu.full_name AS "fullName", c.commune_id AS "communeId" FROM cases c JOIN land_users lu ON lu.id = c.land_user_id
       WHERE c.project_id = $1 AND c.id = ANY($2) ORDER BY c.search_text, c.id`,
      [projectId, dto.caseIds],
    );
    const unknown = dto.caseIds.filter((id) => !cases.some((c) => c.id === id));
    if (unknown.length)
      throw new AppError('validation', 'NOTICE.CASES_UNKNOWN', 'Có hồ sơ không thuộc dự án.', { unknown });
    const scope = accessScope(user);
    if (scope.kind === 'communes' && cases.some((c) => !scope.communeIds.includes(c.communeId))) {
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Có hồ sơ không thuộc xã bạn được giao.', {});
    }
    if (dto.surveyTo < dto.surveyFrom)
      throw new AppError(
        'validation',
        'NOTICE.SURVEY_PERIOD',
        'Thời gian kiểm đếm: ngày kết thúc trước ngày bắt đầu.',
        { field: 'surveyTo' },
      );
    const issued = await this.db.transaction(async (em) => {
      const issuer = {
        id: await this.reference.issuer('people_committee', cases[0].communeId, 'NOTICE.ISSUER_UNKNOWN'),
      };
      const out: { caseId: string; documentId: string; number: string }[] = [];
      for (const c of cases) {
        const n = await this.numbering.take(em, user, {
          agencyId: issuer.id,
          typeCode: 'TB',
          issuedOn: dto.issuedOn,
          subject: `Thông báo thu hồi đất của ${c.fullName}`,
          entityType: 'case',
          entityId: c.id,
        });
        const doc = await this.issue(em, {
          type: 'recovery_notice',
          entityType: 'case',
          entityId: c.id,
          planId: null,
          number: n.formatted,
          issuedOn: dto.issuedOn,
          recordVersion: 1,
          fileName: `TB ${n.formatted.replace('/', '-')} thu hồi đất ${c.fullName}.pdf`,
          facts: { surveyFrom: dto.surveyFrom, surveyTo: dto.surveyTo, signer: user.displayName },
        });
        out.push({ caseId: c.id, documentId: doc.id, number: n.formatted });
      }
      return out;
    });
    for (const d of issued) await this.enqueue(d.documentId);
    return issued;
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
    const [issuer] = await this.db.query(
      'SELECT agency_id AS "agencyId", type_code AS "typeCode" FROM issued_numbers WHERE formatted = $1 AND entity_id = $2 LIMIT 1',
      [old.number, old.entityId],
    );
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
      model = fillTemplate(
        template,
        { ...data, number: doc.number },
        { number: doc.number, date: doc.issuedOn, appendixRows: rows, appendixTotals: totals, signatories, charts },
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

  private dataFor(doc: DocumentRecord): Promise<DocumentContent> {
    const source = this.sources.get(doc.type);
    if (source) return source(doc);
    switch (doc.type) {
      case 'recovery_notice':
      case 'forced_survey_decision':
        return this.noticeData(doc);
      case 'payment_notice':
      case 'handover_minutes':
      case 'enforcement_decision':
        return this.afterApprovalData(doc);
      case 'recovery_decision':
      case 'plan_approval':
        return this.data(doc);
      default:
        throw new PermanentJobError(`no content source for documents of type ${doc.type}`);
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
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'forced_survey_decision',
      issuer: 'people_committee',
      typeCode: 'QĐ',
      issuedOn,
      subject: 'Kiểm đếm bắt buộc đối với',
      file: 'kiểm đếm bắt buộc',
      facts: { signer: user.displayName },
    });
  }

  /** QĐ cưỡng chế thu hồi đất (LĐĐ 2013 Đ71 k2: the Chairman of the district, personally), on the case step ordering it. */
  issueEnforcementDecision(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    issuedOn: string,
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'enforcement_decision',
      issuer: 'people_committee',
      typeCode: 'QĐ',
      issuedOn,
      subject: 'Cưỡng chế thu hồi đất đối với',
      file: 'cưỡng chế thu hồi đất',
      facts: { signer: user.displayName },
    });
  }

  /** Thông báo chi trả of the Center (LĐĐ 2013 Đ69 k3 b, Đ93): amount, time and place of payment, handover date. */
  issuePaymentNotice(
    em: EntityManager,
    user: AuthUser,
    caseId: string,
    issuedOn: string,
    facts: { paymentOn: string; paymentTime: string; place: string; handoverBy: string },
  ): Promise<DocumentRecord> {
    return this.issueForCase(em, user, caseId, {
      type: 'payment_notice',
      issuer: 'land_fund_center',
      typeCode: 'TB',
      issuedOn,
      subject: 'Thông báo chi trả cho',
      file: 'chi trả',
      facts: { ...facts, signer: user.displayName },
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
    });
  }

  /** A case's document numbered by the district People's Committee or by the Center of the case's district. */
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
    },
  ): Promise<DocumentRecord> {
    const [holder] = await em.query<{ fullName: string; communeId: string }[]>(
      `SELECT lu.full_name AS "fullName", c.commune_id AS "communeId" FROM cases c JOIN land_users lu ON lu.id = c.land_user_id WHERE c.id = $1`,
      [caseId],
    );
    if (!holder) throw notFound('case', caseId, 'hồ sơ');
    const issuer = { id: await this.reference.issuer(d.issuer, holder.communeId), fullName: holder.fullName };
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
    });
  }

  /** Payment notice, handover minutes and enforcement decision: the household, its decisions, the act's facts. */
  private async afterApprovalData(doc: DocumentRecord) {
    const [c] = await this.db.query(CASE_CONTEXT, [doc.entityId]);
    if (!c) throw new PermanentJobError(`case ${doc.entityId} not found`);
    const base = {
      district: { name: c.district },
      project: { name: c.projectName },
      holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
      commune: { name: c.commune, kind: c.communeKind },
      approval: { number: c.approvalNumber, date: c.approvedOn ? formatVnDate(c.approvedOn) : '' },
      recovery: { number: c.recoveryNumber, date: c.recoveredOn ? formatVnDate(c.recoveredOn) : '' },
      signer: { name: doc.facts.signer },
    };
    const parcelList = (ps: { parcelNumber: string; mapSheet: string; landTypeCode: string; area: string }[]) =>
      ps
        .map(
          (p) =>
            `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích ${formatArea(trimDecimal(p.area))} m²`,
        )
        .join('; ');
    if (doc.type === 'payment_notice') {
      return {
        data: {
          ...base,
          money: { net: formatDong(c.net), words: amountInWords(c.net) },
          payment: {
            time: doc.facts.paymentTime.replace(':', ' giờ '),
            date: formatVnDate(doc.facts.paymentOn),
            place: doc.facts.place,
          },
          handover: { by: formatVnDate(doc.facts.handoverBy) },
        },
      };
    }
    if (doc.type === 'enforcement_decision') {
      const parcels = await this.parcelsOf(doc.entityId);
      return {
        data: {
          ...base,
          persuasion: { date: c.persuadedOn ? formatVnDate(c.persuadedOn) : '' },
          area: formatArea(parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0)).toFixed()),
          parcels: parcelList(parcels.map((p) => ({ ...p, area: p.recoveredArea }))),
        },
      };
    }
    // Handover minutes: the parcels of this act, and what the household has handed over up to it.
    const rows: { parcelNumber: string; mapSheet: string; landTypeCode: string; area: string }[] = await this.db.query(
      `SELECT p.parcel_number AS "parcelNumber", p.map_sheet AS "mapSheet", p.land_type_code AS "landTypeCode", h.area::text AS area
       FROM handovers h JOIN parcels p ON p.id = h.parcel_id WHERE h.minutes_document_id = $1 ORDER BY p.map_sheet, p.parcel_number`,
      [doc.id],
    );
    if (rows.length === 0) throw new PermanentJobError(`handover minutes ${doc.id} without handovers`);
    const [{ cumulative, recovered }] = await this.db.query(
      `SELECT (SELECT coalesce(sum(area), 0)::text FROM handovers
               WHERE case_id = $1 AND recorded_at <= (SELECT max(recorded_at) FROM handovers WHERE minutes_document_id = $2)) AS cumulative,
              (SELECT coalesce(sum(recovered_area), 0)::text FROM parcels WHERE case_id = $1) AS recovered`,
      [doc.entityId, doc.id],
    );
    const remaining = new Decimal(recovered).minus(cumulative);
    const [ref, on] = (c.enforcement ?? '').split('|');
    return {
      data: {
        ...base,
        enforcement: {
          basis:
            doc.facts.enforced === 'true' && ref
              ? `; Căn cứ Quyết định cưỡng chế thu hồi đất số ${ref} ngày ${formatVnDate(on)}.`
              : '.',
        },
        parcels: parcelList(rows),
        handover: {
          date: vnLongDate(doc.issuedOn),
          area: formatArea(rows.reduce((sum, r) => sum.plus(r.area), new Decimal(0)).toFixed()),
          cumulative: formatArea(trimDecimal(cumulative)),
          recovered: formatArea(trimDecimal(recovered)),
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

  /** Thông báo thu hồi đất: the household, its parcels, the project's legal ground, the survey period. */
  private async noticeData(doc: DocumentRecord) {
    const [c] = await this.db.query(
      `SELECT lu.full_name AS name, lu.address, au.name AS commune, au.kind AS "communeKind", d.name AS district, p.name AS "projectName",
              p.legal_basis AS "legalBasis", p.recovery_ground AS ground,
              ${NOTICE_COLUMNS},
              (SELECT to_char(min(t.occurred_on), 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'persuade_survey') AS "persuadedOn"
       FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id JOIN admin_units d ON d.id = au.parent_id
       JOIN projects p ON p.id = c.project_id WHERE c.id = $1`,
      [doc.entityId],
    );
    if (!c) throw new PermanentJobError(`case ${doc.entityId} not found`);
    const parcels = await this.parcelsOf(doc.entityId);
    const area = parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0));
    return {
      data: {
        district: { name: c.district },
        project: {
          name: c.projectName,
          legalBasis: c.legalBasis || 'chủ trương đầu tư dự án',
          ground:
            c.ground === '61'
              ? 'thu hồi đất vì mục đích quốc phòng, an ninh, Điều 61 Luật Đất đai 2013'
              : 'thu hồi đất để phát triển kinh tế - xã hội vì lợi ích quốc gia, công cộng, Điều 62 Luật Đất đai 2013',
        },
        holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
        commune: { name: c.commune, kind: c.communeKind },
        area: parcels.length ? formatArea(area.toFixed()) : 'Diện tích đo đạc cụ thể sau khi kiểm đếm; dự kiến',
        parcels: parcels.length
          ? parcels
              .map(
                (p) =>
                  `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích dự kiến thu hồi ${formatArea(trimDecimal(p.recoveredArea))} m²`,
              )
              .join('; ')
          : 'các thửa đất nằm trong ranh giới thu hồi theo trích lục bản đồ',
        survey: {
          from: doc.facts.surveyFrom ? formatVnDate(doc.facts.surveyFrom) : '',
          to: doc.facts.surveyTo ? formatVnDate(doc.facts.surveyTo) : '',
        },
        signer: { name: doc.facts.signer },
        notice: { ref: c.noticeRef, date: c.noticeOn ? formatVnDate(c.noticeOn) : '' },
        persuasion: { date: c.persuadedOn ? formatVnDate(c.persuadedOn) : '' },
      },
      rows: undefined,
      totals: undefined,
      signatories: undefined,
    };
  }

  private parcelsOf(
    caseId: string,
  ): Promise<
    { mapSheet: string; parcelNumber: string; landTypeCode: string; measuredArea: string; recoveredArea: string }[]
  > {
    return this.db.query(
      `SELECT map_sheet AS "mapSheet", parcel_number AS "parcelNumber", land_type_code AS "landTypeCode", measured_area::text AS "measuredArea",
              recovered_area::text AS "recoveredArea"
       FROM parcels WHERE case_id = $1 ORDER BY map_sheet, parcel_number`,
      [caseId],
    );
  }

  /** The figures a template needs, read from the records. */
  private async data(doc: DocumentRecord): Promise<{
    data: Record<string, unknown>;
    rows?: string[][];
    totals?: string[];
    signatories?: { title: string; name: string }[];
  }> {
    const [plan] = await this.db.query(
      `SELECT pl.id, pl.name, pl.approval_number AS "approvalNumber", to_char(pl.approved_on, 'YYYY-MM-DD') AS "approvedOn", pl.case_count AS "caseCount",
              pl.net::text AS net, p.name AS "projectName", pb.name AS "bookName", pb.decision_number AS "bookDecision",
              (SELECT u.display_name FROM plan_transitions t JOIN users u ON u.id = t.actor_id WHERE t.plan_id = pl.id AND t.action = 'approve' ORDER BY t.recorded_at DESC LIMIT 1) AS signer,
              (SELECT d.name FROM project_communes pc JOIN admin_units au ON au.id = pc.commune_id JOIN admin_units d ON d.id = au.parent_id WHERE pc.project_id = p.id LIMIT 1) AS district,
              -- The plan's total area only for the approval decision: a recovery decision must not scan the whole plan.
              CASE WHEN $2 THEN (SELECT coalesce(sum(x.recovered_area), 0)::text FROM parcels x JOIN plan_cases y ON y.case_id = x.case_id WHERE y.plan_id = pl.id) ELSE '0' END AS area
       FROM plans pl JOIN projects p ON p.id = pl.project_id JOIN price_books pb ON pb.id = pl.price_book_id WHERE pl.id = $1`,
      [doc.planId, doc.type === 'plan_approval'],
    );
    if (!plan) throw new PermanentJobError(`plan ${doc.planId} not found`);
    const base = {
      district: { name: plan.district },
      project: { name: plan.projectName },
      plan: {
        name: plan.name,
        approvalNumber: plan.approvalNumber,
        approvedOn: plan.approvedOn ? formatVnDate(plan.approvedOn) : '',
        caseCount: plan.caseCount,
        area: formatArea(trimDecimal(plan.area)),
      },
      priceBook: { name: plan.bookName, decision: plan.bookDecision },
      signer: { name: plan.signer },
    };
    if (doc.type === 'recovery_decision') {
      const [c] = await this.db.query(
        `SELECT lu.full_name AS name, lu.address, au.name AS commune, au.kind AS "communeKind", pc.net::text AS net,
                (SELECT t.document_ref FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeRef",
                (SELECT to_char(t.occurred_on, 'YYYY-MM-DD') FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'deliver_notice' ORDER BY t.recorded_at DESC LIMIT 1) AS "noticeOn"
         FROM cases c JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
         JOIN plan_cases pc ON pc.case_id = c.id AND pc.plan_id = $2 WHERE c.id = $1`,
        [doc.entityId, doc.planId],
      );
      const parcels = await this.parcelsOf(doc.entityId);
      const area = parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0));
      return {
        data: {
          ...base,
          holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
          commune: { name: c.commune, kind: c.communeKind },
          notice: { ref: c.noticeRef, date: c.noticeOn ? formatVnDate(c.noticeOn) : '' },
          area: formatArea(area.toFixed()),
          parcels: parcels
            .map(
              (p) =>
                `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích thu hồi ${formatArea(trimDecimal(p.recoveredArea))} m²`,
            )
            .join('; '),
          money: { net: formatDong(c.net), words: amountInWords(c.net) },
        },
      };
    }
    const rows: {
      name: string;
      commune: string;
      area: string;
      land: string;
      assets: string;
      support: string;
      deduction: string;
      net: string;
      recovery: string | null;
    }[] = await this.db.query(
      `SELECT lu.full_name AS name, au.name AS commune, pc.net::text AS net, pc.recovery_number AS recovery,
              (SELECT coalesce(sum(p.recovered_area), 0)::text FROM parcels p WHERE p.case_id = c.id) AS area,
              (SELECT coalesce(sum(l.amount), 0)::text FROM plan_lines l WHERE l.plan_id = pc.plan_id AND l.case_id = c.id AND l.category IN ('land', 'land_remaining_investment')) AS land,
              (SELECT coalesce(sum(l.amount), 0)::text FROM plan_lines l WHERE l.plan_id = pc.plan_id AND l.case_id = c.id AND l.category IN ('structure', 'crop', 'livestock', 'grave', 'moving')) AS assets,
              (SELECT coalesce(sum(l.amount), 0)::text FROM plan_lines l WHERE l.plan_id = pc.plan_id AND l.case_id = c.id AND (l.category LIKE 'support_%' OR l.category IN ('resettlement_top_up', 'rounding'))) AS support,
              (SELECT coalesce(sum(l.amount), 0)::text FROM plan_lines l WHERE l.plan_id = pc.plan_id AND l.case_id = c.id AND l.category = 'deduction') AS deduction
       FROM plan_cases pc JOIN cases c ON c.id = pc.case_id JOIN land_users lu ON lu.id = c.land_user_id JOIN admin_units au ON au.id = c.commune_id
       WHERE pc.plan_id = $1 ORDER BY c.search_text, c.id`,
      [doc.planId],
    );
    const money = (s: string) => formatDong(trimDecimal(s).split('.')[0].replace('-', ''));
    return {
      data: { ...base, money: { net: formatDong(plan.net), words: amountInWords(plan.net) } },
      rows: rows.map((r, i) => [
        String(i + 1),
        r.name,
        r.commune,
        formatArea(trimDecimal(r.area)),
        money(r.land),
        money(r.assets),
        money(r.support),
        money(r.deduction),
        formatDong(r.net),
        r.recovery ?? '',
      ]),
      totals: ['', 'Tổng cộng', '', formatArea(trimDecimal(plan.area)), '', '', '', '', formatDong(plan.net), ''],
    };
  }

  private async visible(user: AuthUser, d: DocumentRecord): Promise<boolean> {
    const scope = accessScope(user);
    if (scope.kind === 'all') return true;
    const [row] = d.planId
      ? await this.db.query(
          `SELECT p.investor_agency_id AS investor, ARRAY(SELECT commune_id FROM project_communes WHERE project_id = p.id) AS communes
           FROM plans pl JOIN projects p ON p.id = pl.project_id WHERE pl.id = $1`,
          [d.planId],
        )
      : await this.db.query(
          d.entityType === 'case'
            ? `SELECT p.investor_agency_id AS investor, ARRAY[c.commune_id] AS communes FROM cases c JOIN projects p ON p.id = c.project_id WHERE c.id = $1`
            : `SELECT p.investor_agency_id AS investor, ARRAY[c.commune_id] AS communes
               FROM inventories i JOIN cases c ON c.id = i.case_id JOIN projects p ON p.id = c.project_id WHERE i.id = $1`,
          [d.entityId],
        );
    if (!row) return false;
    if (scope.kind === 'investor') return row.investor === scope.agencyId;
    return (row.communes as string[]).some((c) => scope.communeIds.includes(c));
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
