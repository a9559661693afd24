import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Any, DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { CreateLandUserDto, UpdateLandUserDto } from './dto/land-user.dto.js';
import { LandUser } from './land-user.entity.js';

const FIELDS = [
  'kind',
  'fullName',
  'cccd',
  'birthYear',
  'address',
  'members',
  'householdSize',
  'poorHousehold',
  'policyFamily',
  'directlyFarming',
] as const;

/** A land user as an import writes it (the row's own values, no normalisation). */
export type NewLandUser = Pick<
  LandUser,
  | 'kind'
  | 'fullName'
  | 'cccd'
  | 'birthYear'
  | 'address'
  | 'members'
  | 'householdSize'
  | 'poorHousehold'
  | 'policyFamily'
  | 'directlyFarming'
>;

/** A plan past draft that holds one of the land user's cases (and no draft adjustment reopens it), or null. */
export type LandUserFreezeGuard = (
  em: EntityManager,
  landUserId: string,
) => Promise<{ code: string; status: string } | null>;

/** Names are stored in Unicode NFC so that search and comparison see one spelling of each letter. */
const nfc = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

@Injectable()
export class LandUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string, em: EntityManager = this.db.manager): Promise<LandUser> {
    const u = await em.getRepository(LandUser).findOneBy({ id });
    if (!u) throw notFound('land_user', id, 'người sử dụng đất');
    return u;
  }

  /** The land user's full name, or null when there is no such land user. */
  async fullName(id: string): Promise<string | null> {
    const u = await this.db.getRepository(LandUser).findOne({ where: { id }, select: { id: true, fullName: true } });
    return u?.fullName ?? null;
  }

  findByCccd(cccd: string, em: EntityManager = this.db.manager): Promise<LandUser | null> {
    return em.getRepository(LandUser).findOneBy({ cccd });
  }

  /** The land users known by these CCCDs, in the caller's transaction (the Excel intake reuses them). */
  async findByCccds(em: EntityManager, cccds: string[]): Promise<LandUser[]> {
    return cccds.length ? em.getRepository(LandUser).findBy({ cccd: In(cccds) }) : [];
  }

  /** Land users by id, in no particular order (one array parameter, however many). */
  byIds(ids: string[]): Promise<LandUser[]> {
    return this.db.getRepository(LandUser).findBy({ id: Any(ids) });
  }

  /**
   * Land users of an Excel intake, in the caller's transaction: one INSERT (the caller keeps the batch small), ids in
   * the rows' order. No audit entry each: the intake records one per case it creates.
   */
  async createMany(em: EntityManager, rows: NewLandUser[]): Promise<string[]> {
    const res = await em.getRepository(LandUser).insert(rows);
    return res.identifiers.map((r) => r.id as string);
  }

  /** Creates a land user, in the caller's transaction. CCCD is unique: a second person with it is a 409. */
  /** A land user registered on their own (POST /land-users), in one transaction. */
  register(actor: AuthUser, dto: CreateLandUserDto): Promise<LandUser> {
    return this.db.transaction((em) => this.create(em, actor, dto));
  }

  async create(em: EntityManager, actor: AuthUser, dto: CreateLandUserDto): Promise<LandUser> {
    if (dto.kind !== 'organisation' && !dto.cccd) {
      throw new AppError('validation', 'LAND_USER.CCCD_REQUIRED', 'Hộ gia đình, cá nhân phải có số CCCD (12 chữ số).', {
        field: 'cccd',
      });
    }
    if (dto.cccd) await this.assertCccdFree(em, dto.cccd, null);
    const user = em.getRepository(LandUser).create({
      kind: dto.kind,
      fullName: nfc(dto.fullName),
      cccd: dto.cccd ?? null,
      birthYear: dto.birthYear ?? null,
      address: dto.address ? nfc(dto.address) : '',
      members: (dto.members ?? []).map((m) => ({ ...m, fullName: nfc(m.fullName) })),
      householdSize: dto.householdSize ?? null,
      poorHousehold: dto.poorHousehold ?? false,
      policyFamily: dto.policyFamily ?? false,
      directlyFarming: dto.directlyFarming ?? false,
    });
    const saved = await em.getRepository(LandUser).save(user);
    await this.audit.record(em, actor, {
      action: 'create',
      entityType: 'land_user',
      entityId: saved.id,
      changes: diffFields<LandUser>(null, saved, FIELDS),
    });
    return saved;
  }

  async update(actor: AuthUser, id: string, dto: UpdateLandUserDto): Promise<LandUser> {
    return this.db.transaction(async (em) => {
      const user = await em.getRepository(LandUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('land_user', id, 'người sử dụng đất');
      if (user.version !== dto.version) throw staleVersion('land_user', dto.version, user.version);
      if (dto.cccd && dto.cccd !== user.cccd) await this.assertCccdFree(em, dto.cccd, id);
      const before = { ...user };
      const { version: _v, ...fields } = dto;
      for (const [k, v] of Object.entries(fields))
        if (v !== undefined) (user as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? nfc(v) : v;
      const changes = diffFields<LandUser>(before, user, FIELDS);
      if (changes.length === 0) return user;
      await this.assertEditable(
        em,
        id,
        changes.map((c) => c.field),
      );
      const saved = await em.getRepository(LandUser).save(user);
      await this.audit.record(em, actor, { action: 'update', entityType: 'land_user', entityId: id, changes });
      return saved;
    });
  }

  /**
   * Who the decisions name and what the plan priced (name, CCCD, household, flags) is frozen with the plan that holds
   * the person's case once it leaves draft (issue 17 §5): after approval a correction is an adjusted plan, which
   * reopens the case while it is a draft.
   */
  private async assertEditable(em: EntityManager, id: string, fields: string[]): Promise<void> {
    for (const guard of this.freezeGuards) {
      const plan = await guard(em, id);
      if (plan) {
        throw new AppError(
          'conflict',
          'LAND_USER.FROZEN_BY_PLAN',
          `Người sử dụng đất có hồ sơ thuộc phương án ${plan.code} đã qua bước dự thảo (${plan.status}): không sửa ` +
            'thông tin đã dùng để tính và ghi trong quyết định; sau phê duyệt dùng phương án điều chỉnh.',
          { planCode: plan.code, planStatus: plan.status, field: fields[0], fields },
        );
      }
    }
  }

  /** Plans know which plan holds a person's case past draft: they register the check at start-up (PlansService). */
  private readonly freezeGuards: LandUserFreezeGuard[] = [];
  registerFreezeGuard(guard: LandUserFreezeGuard): void {
    this.freezeGuards.push(guard);
  }

  private async assertCccdFree(em: EntityManager, cccd: string, exceptId: string | null): Promise<void> {
    const other = await this.findByCccd(cccd, em);
    if (other && other.id !== exceptId) {
      throw new AppError(
        'conflict',
        'LAND_USER.CCCD_TAKEN',
        `Số CCCD ${cccd} đã thuộc về người sử dụng đất khác trong hệ thống.`,
        {
          field: 'cccd',
          landUserId: other.id,
        },
      );
    }
  }
}
