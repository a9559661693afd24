import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { notFound } from '../../core/errors/app-error.js';
import type { RestDays } from './domain/calendar.js';
import { type EnforcementDays, tetBreaks } from './domain/enforcement-calendar.js';
import { HolidayDto, mapHoliday, PutHolidayDto } from './dto/holiday.dto.js';
import { Holiday, type HolidayKind } from './holiday.entity.js';

const REST_KINDS: HolidayKind[] = ['public', 'tet', 'compensatory'];

/** The holiday table, as rest days for deadline counting and as Tết dates for the enforcement calendar. */
@Injectable()
export class CalendarService {
  private cache: { rest: RestDays; enforcement: EnforcementDays } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rest days; given a transaction's manager, read on its connection when not cached (never the pool's). */
  async restDays(em?: EntityManager): Promise<RestDays> {
    return (await this.load(em)).rest;
  }

  /** The days the enforcement calendar refuses: holidays, Tết, ethnic traditional days, and the Tết breaks. */
  async enforcementDays(): Promise<EnforcementDays> {
    return (await this.load()).enforcement;
  }

  async list(year: number): Promise<HolidayDto[]> {
    const rows = await this.db
      .getRepository(Holiday)
      .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC', kind: 'ASC' } });
    return rows.map(mapHoliday);
  }

  async put(user: AuthUser, date: string, dto: PutHolidayDto): Promise<HolidayDto> {
    return this.db.transaction(async (em) => {
      const before = await em.getRepository(Holiday).findOneBy({ date, kind: dto.kind });
      const saved = await em
        .getRepository(Holiday)
        .save({ date, kind: dto.kind, name: dto.name, basis: dto.basis ?? '' });
      await this.audit.record(em, user, {
        action: before ? 'update' : 'create',
        entityType: 'holiday',
        entityId: `${date}:${dto.kind}`,
        changes: [{ field: 'name', from: before?.name ?? null, to: dto.name }],
      });
      this.cache = null;
      return mapHoliday(saved);
    });
  }

  async remove(user: AuthUser, date: string, kind: HolidayKind): Promise<void> {
    await this.db.transaction(async (em) => {
      const row = await em.getRepository(Holiday).findOneBy({ date, kind });
      if (!row) throw notFound('holiday', `${date}:${kind}`, 'ngày nghỉ');
      await em.getRepository(Holiday).delete({ date, kind });
      await this.audit.record(em, user, {
        action: 'delete',
        entityType: 'holiday',
        entityId: `${date}:${kind}`,
        changes: [{ field: 'name', from: row.name, to: null }],
      });
      this.cache = null;
    });
  }

  private async load(em?: EntityManager) {
    if (!this.cache) {
      const rows = await (em ?? this.db.manager).getRepository(Holiday).find();
      this.cache = {
        // Mùng 1 Tết is a rest day through its `tet` row; an ethnic traditional day is not a day off.
        rest: { holidays: new Set(rows.filter((r) => REST_KINDS.includes(r.kind)).map((r) => r.date)) },
        enforcement: {
          days: new Map(
            rows.filter((r) => r.kind !== 'lunar_new_year').map((r) => [r.date, { kind: r.kind, name: r.name }]),
          ),
          tetBreaks: tetBreaks(rows.filter((r) => r.kind === 'tet')),
        },
      };
    }
    return this.cache;
  }
}
