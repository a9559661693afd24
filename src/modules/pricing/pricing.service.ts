import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, problemDetails, staleVersion } from '../../core/errors/app-error.js';
import { formatVnDate } from '../../shared/dates.js';
import { type BookPeriod, bookInForceOn, type PriceBookContent, validatePriceBook } from './domain/price-book.js';
import { CreatePriceBookDto, mapPriceBook, PriceBookDto, UpdatePriceBookDto } from './dto/price-book.dto.js';
import { PriceBook } from './price-book.entity.js';

const FIELDS = [
  'code',
  'name',
  'description',
  'decisionNumber',
  'decisionDate',
  'issuer',
  'effectiveFrom',
  'effectiveTo',
  'communeCodes',
  'status',
  'isSample',
] as const;
const LISTS = ['landPrices', 'structures', 'crops', 'livestock', 'graves', 'moving'] as const;

@Injectable()
export class PricingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<PriceBookDto[]> {
    return (await this.db.getRepository(PriceBook).find({ order: { effectiveFrom: 'DESC', code: 'ASC' } })).map(
      mapPriceBook,
    );
  }

  async get(id: string): Promise<PriceBookDto> {
    return mapPriceBook(await this.load(id));
  }

  /** For other modules: how a plan cites its book (code, sample or not), or null when it is gone. */
  async bookRef(id: string, em: EntityManager = this.db.manager): Promise<{ code: string; isSample: boolean } | null> {
    const book = await em.getRepository(PriceBook).findOne({ where: { id }, select: { code: true, isSample: true } });
    return book ? { code: book.code, isSample: book.isSample } : null;
  }

  /** For other modules: a book's current version (every edit makes a new one), or null when there is no such book. */
  async bookVersion(id: string, em: EntityManager = this.db.manager): Promise<number | null> {
    const book = await em.getRepository(PriceBook).findOne({ where: { id }, select: { id: true, version: true } });
    return book?.version ?? null;
  }

  /** For other modules: how a decision cites a book (its name and the decision that issued it), or null. */
  async citation(
    id: string,
  ): Promise<{ name: string; decisionNumber: string; decisionDate: string; issuer: string } | null> {
    const book = await this.db
      .getRepository(PriceBook)
      .findOne({ where: { id }, select: { name: true, decisionNumber: true, decisionDate: true, issuer: true } });
    return book
      ? { name: book.name, decisionNumber: book.decisionNumber, decisionDate: book.decisionDate, issuer: book.issuer }
      : null;
  }

  /** For other modules: a book's early-handover bonus rule (its policy), whether or not the book is still active. */
  async earlyHandoverRule(id: string): Promise<PriceBook['content']['policy']['earlyHandoverBonus'] | null> {
    return (await this.load(id)).content.policy?.earlyHandoverBonus ?? null;
  }

  /** For other modules: an active book, or a coded refusal. */
  async activeBook(id: string, em: EntityManager = this.db.manager): Promise<PriceBook> {
    const book = await em.getRepository(PriceBook).findOneBy({ id });
    if (!book) throw notFound('price_book', id, 'bảng giá');
    if (book.status !== 'active') {
      throw new AppError(
        'conflict',
        'PRICE_BOOK.NOT_ACTIVE',
        `Bảng giá ${book.code} chưa được kích hoạt (hoặc đã ngừng áp dụng).`,
        { priceBookId: id, status: book.status },
      );
    }
    return book;
  }

  /**
   * For other modules: the active book that prices a commune on a day — in force that day, for that commune or for
   * the whole province — the latest one when several are; a coded refusal when there is none.
   */
  async bookInForce(communeCode: string, date: string, em: EntityManager = this.db.manager): Promise<PriceBook> {
    const found = bookInForceOn(await this.activeBooks(em), communeCode, date);
    if (!found)
      throw new AppError(
        'conflict',
        'PRICE_BOOK.NONE_IN_FORCE',
        `Chưa có bảng giá đang áp dụng cho xã này vào ngày ${formatVnDate(date)}.`,
        { communeCode, date },
      );
    return em.getRepository(PriceBook).findOneByOrFail({ id: found.id });
  }

  /** For other modules: the active books, with when and where each applies (which one is in force is `bookInForceOn`). */
  async activeBooks(em: EntityManager = this.db.manager): Promise<BookPeriod[]> {
    return em.getRepository(PriceBook).find({
      where: { status: 'active' },
      select: { id: true, code: true, effectiveFrom: true, effectiveTo: true, communeCodes: true },
    });
  }

  async create(user: AuthUser, dto: CreatePriceBookDto): Promise<PriceBookDto> {
    assertShape(dto.content);
    return this.db.transaction(async (em) => {
      if (await em.getRepository(PriceBook).existsBy({ code: dto.code })) {
        throw new AppError('conflict', 'PRICE_BOOK.CODE_TAKEN', `Mã bảng giá ${dto.code} đã có.`, { field: 'code' });
      }
      const saved = await em.getRepository(PriceBook).save(
        em.getRepository(PriceBook).create({
          ...dto,
          description: dto.description ?? '',
          effectiveTo: dto.effectiveTo ?? null,
          communeCodes: dto.communeCodes ?? [],
          isSample: dto.isSample ?? false,
          status: 'draft',
          activatedAt: null,
        }),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'price_book',
        entityId: saved.id,
        changes: diffFields<PriceBook>(null, saved, FIELDS),
      });
      return mapPriceBook(saved);
    });
  }

  /** Drafts only: an active book is frozen (plans cite it); a correction is a new book. */
  async update(user: AuthUser, id: string, dto: UpdatePriceBookDto): Promise<PriceBookDto> {
    if (dto.content) assertShape(dto.content);
    return this.db.transaction(async (em) => {
      const book = await em.getRepository(PriceBook).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!book) throw notFound('price_book', id, 'bảng giá');
      assertDraft(book);
      if (book.version !== dto.version) throw staleVersion('price_book', dto.version, book.version);
      const before = { ...book };
      const { version: _v, ...fields } = dto;
      for (const [k, v] of Object.entries(fields))
        if (v !== undefined) (book as unknown as Record<string, unknown>)[k] = v;
      const saved = await em.getRepository(PriceBook).save(book);
      const changes = diffFields<PriceBook>(before, saved, FIELDS);
      if (dto.content) changes.push({ field: 'content', from: null, to: 'updated' });
      await this.audit.record(em, user, { action: 'update', entityType: 'price_book', entityId: id, changes });
      return mapPriceBook(saved);
    });
  }

  /** Validates the whole book; refuses with every finding, or freezes it as active. */
  async activate(user: AuthUser, id: string, version: number): Promise<PriceBookDto> {
    return this.db.transaction(async (em) => {
      const book = await em.getRepository(PriceBook).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!book) throw notFound('price_book', id, 'bảng giá');
      assertDraft(book);
      if (book.version !== version) throw staleVersion('price_book', version, book.version);
      const findings = validatePriceBook(book.content);
      if (findings.length > 0) {
        throw new AppError(
          'validation',
          'PRICE_BOOK.INVALID',
          `Bảng giá còn ${findings.length} lỗi, chưa thể áp dụng.`,
          problemDetails(findings.map((f) => ({ field: f.path, ...f }))),
        );
      }
      book.status = 'active';
      book.activatedAt = this.clock.now();
      const saved = await em.getRepository(PriceBook).save(book);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'price_book',
        entityId: id,
        changes: [{ field: 'status', from: 'draft', to: 'active' }],
      });
      return mapPriceBook(saved);
    });
  }

  private async load(id: string): Promise<PriceBook> {
    const book = await this.db.getRepository(PriceBook).findOneBy({ id });
    if (!book) throw notFound('price_book', id, 'bảng giá');
    return book;
  }
}

function assertDraft(book: PriceBook): void {
  if (book.status !== 'draft') {
    throw new AppError(
      'conflict',
      'PRICE_BOOK.FROZEN',
      `Bảng giá ${book.code} đã áp dụng nên không được sửa; hãy lập bảng giá mới.`,
      { status: book.status },
    );
  }
}

function assertShape(content: PriceBookContent): void {
  const bad = LISTS.filter((k) => !Array.isArray((content as unknown as Record<string, unknown>)[k]));
  if (bad.length > 0 || typeof content.policy !== 'object' || content.policy === null) {
    throw new AppError(
      'validation',
      'PRICE_BOOK.SHAPE',
      `Nội dung bảng giá thiếu: ${[...bad, ...(content.policy ? [] : ['policy'])].join(', ')}.`,
      { field: 'content' },
    );
  }
}
