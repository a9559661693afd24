import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import {
  InventoryInputDto,
  InventoryDto,
  mapInventory,
  SignInventoryDto,
  UpdateInventoryDto,
} from './dto/inventory.dto.js';
import { InventoryItem } from './inventory-item.entity.js';
import { Inventory } from './inventory.entity.js';
import {
  InventoryRepository,
  type ListedItem,
  type NewDraft,
  type NewItem,
  type SignedItem,
} from './inventory.repository.js';

@Injectable()
export class InventoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly documents: DocumentsService,
    private readonly reference: ReferenceService,
    private readonly repo: InventoryRepository,
  ) {}

  /** The items of each case's current signed inventory, in record order: what a plan prices. */
  /** The case an inventory belongs to, or null when there is no such inventory. */
  async caseOf(inventoryId: string): Promise<string | null> {
    const inv = await this.db
      .getRepository(Inventory)
      .findOne({ where: { id: inventoryId }, select: { caseId: true } });
    return inv?.caseId ?? null;
  }

  signedItems(caseIds: string[], em?: EntityManager): Promise<SignedItem[]> {
    return this.repo.signedItems(caseIds, em);
  }

  /**
   * The first records of new cases from an Excel intake, as drafts (signing stays a deliberate act), in the caller's
   * transaction: one INSERT (the caller keeps the batch small), ids in the rows' order. The intake records one audit
   * entry per case.
   */
  createFirstDrafts(em: EntityManager, rows: NewDraft[]): Promise<string[]> {
    return this.repo.insertFirstDrafts(em, rows);
  }

  /** Items of drafts created by an Excel intake, in the caller's transaction: one INSERT (the caller batches). */
  addItems(em: EntityManager, rows: NewItem[]): Promise<void> {
    return this.repo.insertItems(em, rows);
  }

  /** The items of each case's latest record (unless superseded), by case then position: the Excel export. */
  latestItems(caseIds: string[]): Promise<ListedItem[]> {
    return this.repo.latestItems(caseIds);
  }

  async list(user: AuthUser, caseId: string): Promise<InventoryDto[]> {
    await this.cases.access(user, caseId, 'read');
    const rows = await this.db
      .getRepository(Inventory)
      .find({ where: { caseId }, relations: { items: true }, order: { revision: 'DESC' } });
    return rows.map(mapInventory);
  }

  async get(user: AuthUser, id: string): Promise<InventoryDto> {
    const inv = await this.load(id);
    await this.cases.access(user, inv.caseId, 'read');
    return mapInventory(inv);
  }

  /**
   * A new record for the case: the first one, or a correction of the signed one (which it will supersede once
   * signed). Only one draft at a time.
   */
  async create(user: AuthUser, caseId: string, dto: InventoryInputDto): Promise<InventoryDto> {
    const { case: c } = await this.cases.access(user, caseId, 'write');
    await this.cases.assertPricingEditable(caseId);
    const id = await this.db.transaction(async (em) => {
      await this.cases.lockCase(em, caseId);
      const existing = await em.getRepository(Inventory).find({ where: { caseId }, order: { revision: 'DESC' } });
      const draft = existing.find((i) => i.status === 'draft');
      if (draft) {
        throw new AppError(
          'conflict',
          'INVENTORY.DRAFT_EXISTS',
          `Hồ sơ đã có biên bản kiểm đếm lần ${draft.revision} đang soạn; hoàn thiện hoặc ký biên bản đó.`,
          {
            inventoryId: draft.id,
          },
        );
      }
      const signed = existing.find((i) => i.status === 'signed');
      const inv = em.getRepository(Inventory).create({
        caseId,
        revision: (existing[0]?.revision ?? 0) + 1,
        status: 'draft',
        surveyedOn: dto.surveyedOn,
        participants: dto.participants,
        signedAt: null,
        signedBy: null,
        supersedesId: signed?.id ?? null,
        note: dto.note ?? '',
      });
      const saved = await em.getRepository(Inventory).save(inv);
      await this.writeItems(em, saved.id, dto, c.noticeDeliveredOn);
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'inventory',
        entityId: saved.id,
        changes: [
          { field: 'revision', from: null, to: saved.revision },
          { field: 'items', from: null, to: dto.items.length },
        ],
      });
      return saved.id;
    });
    return this.get(user, id);
  }

  /** Replaces a draft's content. A signed record is immutable: corrections are a new record. */
  async update(user: AuthUser, id: string, dto: UpdateInventoryDto): Promise<InventoryDto> {
    const current = await this.load(id);
    const { case: c } = await this.cases.access(user, current.caseId, 'write');
    await this.cases.assertPricingEditable(current.caseId);
    await this.db.transaction(async (em) => {
      const inv = await em.getRepository(Inventory).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inv) throw notFound('inventory', id, 'biên bản kiểm đếm');
      this.assertDraft(inv);
      if (inv.version !== dto.version) throw staleVersion('inventory', dto.version, inv.version);
      const beforeCount = await em.getRepository(InventoryItem).countBy({ inventoryId: id });
      const before = { surveyedOn: inv.surveyedOn, note: inv.note };
      inv.surveyedOn = dto.surveyedOn;
      inv.participants = dto.participants;
      inv.note = dto.note ?? '';
      await em.getRepository(Inventory).save(inv);
      await em.getRepository(InventoryItem).delete({ inventoryId: id });
      await this.writeItems(em, id, dto, c.noticeDeliveredOn);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'inventory',
        entityId: id,
        changes: [
          ...(before.surveyedOn !== inv.surveyedOn
            ? [{ field: 'surveyedOn', from: before.surveyedOn, to: inv.surveyedOn }]
            : []),
          { field: 'items', from: beforeCount, to: dto.items.length },
        ],
      });
    });
    return this.get(user, id);
  }

  /**
   * Signing by the household and the inventory team: the record becomes immutable, the previous signed record
   * is superseded, and the case moves to SURVEYED (if it has not already).
   */
  async sign(user: AuthUser, id: string, dto: SignInventoryDto): Promise<InventoryDto> {
    const current = await this.load(id);
    const access = await this.cases.access(user, current.caseId, 'write');
    await this.cases.assertPricingEditable(current.caseId);
    const documentId = await this.db.transaction(async (em) => {
      const inv = await em.getRepository(Inventory).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inv) throw notFound('inventory', id, 'biên bản kiểm đếm');
      this.assertDraft(inv);
      if (inv.version !== dto.version) throw staleVersion('inventory', dto.version, inv.version);
      if (inv.participants.length === 0) {
        throw new AppError(
          'validation',
          'INVENTORY.PARTICIPANTS_REQUIRED',
          'Biên bản phải ghi thành phần tham gia (đại diện hộ, tổ kiểm đếm) trước khi ký.',
          {
            field: 'participants',
          },
        );
      }
      const signedOn = dto.signedOn ?? inv.surveyedOn;
      if (signedOn < inv.surveyedOn) {
        throw new AppError('validation', 'INVENTORY.SIGNED_BEFORE_SURVEY', 'Ngày ký không được trước ngày kiểm đếm.', {
          field: 'signedOn',
        });
      }
      if (inv.supersedesId) {
        await em.getRepository(Inventory).update({ id: inv.supersedesId, status: 'signed' }, { status: 'superseded' });
        await this.audit.record(em, user, {
          action: 'update',
          entityType: 'inventory',
          entityId: inv.supersedesId,
          changes: [
            { field: 'status', from: 'signed', to: 'superseded' },
            { field: 'supersededBy', from: null, to: inv.id },
          ],
        });
      }
      inv.status = 'signed';
      inv.signedAt = this.clock.now();
      inv.signedBy = user.id;
      await em.getRepository(Inventory).save(inv);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'inventory',
        entityId: id,
        changes: [{ field: 'status', from: 'draft', to: 'signed' }],
      });
      await this.cases.systemTransition(
        em,
        user,
        inv.caseId,
        'inventory_signed',
        signedOn,
        `Biên bản kiểm đếm lần ${inv.revision}`,
      );
      // The signed minutes get the Center's number (BB) and are rendered as a document by a worker.
      const centerId = await this.reference.findIssuer('land_fund_center', access.case.communeId);
      if (!centerId) return null;
      const center = { id: centerId };
      const n = await this.numbering.take(em, user, {
        agencyId: center.id,
        typeCode: 'BB',
        issuedOn: signedOn,
        subject: `Biên bản kiểm đếm lần ${inv.revision}`,
        entityType: 'inventory',
        entityId: inv.id,
      });
      const doc = await this.documents.issue(em, {
        type: 'inventory_minutes',
        entityType: 'inventory',
        entityId: inv.id,
        planId: null,
        number: n.formatted,
        issuedOn: signedOn,
        recordVersion: inv.version,
        fileName: `BB ${n.formatted.replace('/', '-')} kiểm đếm lần ${inv.revision}.pdf`,
      });
      return doc.id;
    });
    if (documentId) await this.documents.enqueue(documentId);
    return this.get(user, id);
  }

  private assertDraft(inv: Inventory): void {
    if (inv.status !== 'draft') {
      throw new AppError(
        'conflict',
        'INVENTORY.SIGNED_IMMUTABLE',
        `Biên bản kiểm đếm lần ${inv.revision} đã ký nên không được sửa; hãy lập biên bản điều chỉnh (lần mới).`,
        { inventoryId: inv.id, status: inv.status },
      );
    }
  }

  private async load(id: string): Promise<Inventory> {
    const inv = await this.db.getRepository(Inventory).findOne({ where: { id }, relations: { items: true } });
    if (!inv) throw notFound('inventory', id, 'biên bản kiểm đếm');
    return inv;
  }

  /** Items are flagged when they came into being after the recovery notice (LĐĐ 2024 Đ105 k2; procedure.md §8.2). */
  private async writeItems(
    em: EntityManager,
    inventoryId: string,
    dto: InventoryInputDto,
    noticeDeliveredOn: string | null,
  ): Promise<void> {
    if (dto.items.length === 0) return;
    await em.getRepository(InventoryItem).insert(
      dto.items.map((it, position) => ({
        inventoryId,
        position: position + 1,
        kind: it.kind,
        itemCode: it.itemCode,
        description: it.description,
        quantity: it.quantity,
        unit: it.unit,
        attributes: it.attributes ?? {},
        firstRecordedOn: it.firstRecordedOn ?? null,
        afterNotice: !!(it.firstRecordedOn && noticeDeliveredOn && it.firstRecordedOn > noticeDeliveredOn),
      })),
    );
  }
}
