import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/errors/app-error.js';
import type { CaseMachineDef } from './domain/case-machine.js';
import type { PlanMachineDef } from './domain/plan-machine.js';
import type { RuleBases } from '../compensation/domain/calculator.js';
import { Regime } from './regime.entity.js';

/** Regime definitions are read from the database (seeded from seeds/regimes/), cached per process. */
@Injectable()
export class RegimesService {
  private readonly cache = new Map<string, CaseMachineDef>();
  private readonly planCache = new Map<string, PlanMachineDef>();
  private readonly basesCache = new Map<string, RuleBases>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async planMachine(code: string): Promise<PlanMachineDef> {
    const hit = this.planCache.get(code);
    if (hit) return hit;
    const regime = await this.db.getRepository(Regime).findOneBy({ code });
    if (!regime || Object.keys(regime.planMachine?.actions ?? {}).length === 0) {
      throw new AppError(
        'internal',
        'REGIME.DEFINITION_MISSING',
        `Quy trình ${code} chưa có định nghĩa các bước của phương án (chạy lại nạp dữ liệu).`,
      );
    }
    this.planCache.set(code, regime.planMachine);
    return regime.planMachine;
  }

  /** The legal basis of the regime's rules (what plans cite), or a coded refusal when the regime has none recorded. */
  async bases(code: string, em: EntityManager = this.db.manager): Promise<RuleBases> {
    const hit = this.basesCache.get(code);
    if (hit) return hit;
    const regime = await em.getRepository(Regime).findOneBy({ code });
    if (!regime?.bases?.deduction) {
      throw new AppError(
        'internal',
        'REGIME.DEFINITION_MISSING',
        `Quy trình ${code} chưa có căn cứ pháp lý của các quy tắc tính (chạy lại nạp dữ liệu).`,
      );
    }
    this.basesCache.set(code, regime.bases);
    return regime.bases;
  }

  async caseMachine(code: string): Promise<CaseMachineDef> {
    const hit = this.cache.get(code);
    if (hit) return hit;
    const regime = await this.db.getRepository(Regime).findOneBy({ code });
    if (!regime || !regime.caseMachine.actions || Object.keys(regime.caseMachine.actions).length === 0) {
      throw new AppError(
        'internal',
        'REGIME.DEFINITION_MISSING',
        `Quy trình ${code} chưa có định nghĩa các bước (chạy lại nạp dữ liệu).`,
      );
    }
    this.cache.set(code, regime.caseMachine);
    return regime.caseMachine;
  }
}
