import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import { CreateEngagementDto, EngagementDto, mapEngagement } from './dto/engagement.dto.js';
import { Engagement } from './engagement.entity.js';

/** The engagement log (nhật ký tuyên truyền, vận động): append-only, newest first. */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, caseId: string): Promise<EngagementDto[]> {
    await this.cases.access(user, caseId, 'read');
    const rows = await this.db
      .getRepository(Engagement)
      .find({ where: { caseId }, order: { occurredOn: 'DESC', recordedAt: 'DESC' } });
    return rows.map(mapEngagement);
  }

  async add(user: AuthUser, caseId: string, dto: CreateEngagementDto): Promise<EngagementDto> {
    await this.cases.access(user, caseId, 'write');
    if (dto.occurredOn > this.clock.today()) {
      throw new AppError(
        'validation',
        'ENGAGEMENT.DATE_IN_FUTURE',
        'Ngày làm việc với hộ không được sau ngày hôm nay.',
        { field: 'occurredOn' },
      );
    }
    return this.db.transaction(async (em) => {
      const saved = await em
        .getRepository(Engagement)
        .save(em.getRepository(Engagement).create({ caseId, ...dto, recordedBy: user.id }));
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'engagement',
        entityId: saved.id,
        changes: [
          { field: 'kind', from: null, to: dto.kind },
          { field: 'occurredOn', from: null, to: dto.occurredOn },
        ],
      });
      return mapEngagement(saved);
    });
  }
}
