import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AccessScope } from '../../core/auth/policy.js';
import { AdminUnit } from '../reference/admin-unit.entity.js';
import { Agency } from '../reference/agency.entity.js';
import { Regime } from '../regimes/regime.entity.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';

/** What other modules need of a project (see ProjectsService.ref). */
export interface ProjectRefRow {
  id: string;
  code: string;
  name: string;
  investorAgencyId: string;
  regimeCode: string;
  communeIds: string[];
}

/** A project as a list or a count labels it. */
export interface ProjectName {
  id: string;
  code: string;
  name: string;
}

@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The use case's transaction: every query inside runs on its connection (see transaction-scope.ts). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  private base(em: EntityManager = this.db.manager) {
    return em
      .getRepository(Project)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.investor', 'investor')
      .leftJoinAndSelect('p.regime', 'regime')
      .leftJoinAndSelect('p.communes', 'commune')
      .leftJoinAndSelect('p.milestones', 'milestone');
  }

  /** Projects visible in a scope: communes for commune officers, own projects for investors. */
  findAll(scope: AccessScope): Promise<Project[]> {
    const qb = this.base().orderBy('p.code', 'ASC');
    if (scope.kind === 'communes') {
      qb.where('EXISTS (SELECT 1 FROM project_communes pc WHERE pc.project_id = p.id AND pc.commune_id = ANY(:ids))', {
        ids: scope.communeIds,
      });
    } else if (scope.kind === 'investor') {
      qb.where('p.investor_agency_id = :agencyId', { agencyId: scope.agencyId });
    }
    return qb.getMany();
  }

  findById(id: string, em?: EntityManager): Promise<Project | null> {
    return this.base(em).where('p.id = :id', { id }).getOne();
  }

  /**
   * What every case, plan and document check needs of a project (code, investor, regime, communes), in one row:
   * `findById` joins the regime's definition and multiplies it by communes × milestones, ten times the bytes.
   */
  async findRef(id: string, em: EntityManager = this.db.manager): Promise<ProjectRefRow | null> {
    const [row] = await em.query<ProjectRefRow[]>(
      `SELECT p.id, p.code, p.name, p.investor_agency_id AS "investorAgencyId", p.regime_code AS "regimeCode",
              coalesce(array_agg(pc.commune_id::text ORDER BY pc.commune_id) FILTER (WHERE pc.commune_id IS NOT NULL), '{}') AS "communeIds"
       FROM projects p LEFT JOIN project_communes pc ON pc.project_id = p.id WHERE p.id = $1 GROUP BY p.id`,
      [id],
    );
    return row ?? null;
  }

  /** Code and name of each of these projects (unordered; unknown ids are left out). */
  names(ids: string[]): Promise<ProjectName[]> {
    return this.db.query<ProjectName[]>('SELECT id, code, name FROM projects WHERE id = ANY($1)', [ids]);
  }

  /** The projects an investor (agency) runs; none for a null agency. */
  async idsOfInvestor(agencyId: string | null): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>('SELECT id FROM projects WHERE investor_agency_id = $1', [
      agencyId,
    ]);
    return rows.map((r) => r.id);
  }

  recoveryBasis(id: string): Promise<Pick<Project, 'legalBasis' | 'recoveryGround'> | null> {
    return this.db
      .getRepository(Project)
      .findOne({ where: { id }, select: { legalBasis: true, recoveryGround: true } });
  }

  /** Locks the row for the rest of the transaction (concurrent edits queue up, then see the new version). */
  async lock(em: EntityManager, id: string): Promise<Project | null> {
    const row = await em
      .getRepository(Project)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
    return row ? this.findById(id, em) : null;
  }

  findInvestor(em: EntityManager, id: string) {
    return em.getRepository(Agency).findOneBy({ id });
  }
  findRegime(em: EntityManager, code: string) {
    return em.getRepository(Regime).findOneBy({ code });
  }
  findCommunes(em: EntityManager, ids: string[]) {
    return ids.length ? em.getRepository(AdminUnit).findBy({ id: In(ids), level: 'commune' }) : Promise.resolve([]);
  }
  codeTaken(em: EntityManager, code: string) {
    return em.getRepository(Project).existsBy({ code });
  }

  milestones(em: EntityManager, projectId: string) {
    return em.getRepository(Milestone).find({ where: { projectId }, order: { dueDate: 'ASC' } });
  }
}
