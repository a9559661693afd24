import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { formatVnDate } from '../../shared/dates.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatPercent } from '../../shared/vn-words.js';
import { findDecreasingTarget } from './domain/milestones.js';
import {
  CreateMilestoneDto,
  CreateProjectDto,
  mapMilestone,
  mapProject,
  MilestoneDto,
  ProjectDto,
  UpdateMilestoneDto,
  UpdateProjectDto,
} from './dto/project.dto.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { type ProjectName, ProjectsRepository, type ProjectRefRow } from './projects.repository.js';

export type { ProjectName };

const PROJECT_FIELDS = [
  'code',
  'name',
  'description',
  'investorAgencyId',
  'recoveryGround',
  'legalBasis',
  'regimeCode',
  'areaToRecover',
  'communeIds',
] as const;
const MILESTONE_FIELDS = ['dueDate', 'targetPercent', 'label', 'basis'] as const;

type ProjectState = Record<(typeof PROJECT_FIELDS)[number], unknown>;
const projectState = (p: Project): ProjectState => ({
  code: p.code,
  name: p.name,
  description: p.description,
  investorAgencyId: p.investorAgencyId,
  recoveryGround: p.recoveryGround,
  legalBasis: p.legalBasis,
  regimeCode: p.regimeCode,
  areaToRecover: p.areaToRecover === null ? null : trimDecimal(p.areaToRecover),
  communeIds: (p.communes ?? []).map((c) => c.id).sort(),
});

/** What other modules need of a project: code, name, investor, regime, communes. */
export type ProjectRef = ProjectRefRow;

const toRef = (p: Project): ProjectRef => ({
  id: p.id,
  code: p.code,
  name: p.name,
  investorAgencyId: p.investorAgencyId,
  regimeCode: p.regimeCode,
  communeIds: (p.communes ?? []).map((c) => c.id),
});

/** Commune officers see the projects crossing their communes, investors their own projects, the others all. */
function isVisible(user: AuthUser, ref: ProjectRef): boolean {
  const scope = accessScope(user);
  return (
    scope.kind === 'all' ||
    (scope.kind === 'communes' && ref.communeIds.some((c) => scope.communeIds.includes(c))) ||
    (scope.kind === 'investor' && ref.investorAgencyId === scope.agencyId)
  );
}

const outOfScope = (projectId: string) =>
  new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Bạn không được giao theo dõi dự án này.', { projectId });

@Injectable()
export class ProjectsService {
  constructor(
    private readonly repo: ProjectsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<ProjectDto[]> {
    return (await this.repo.findAll(accessScope(user))).map(mapProject);
  }

  async get(user: AuthUser, id: string): Promise<ProjectDto> {
    return mapProject(await this.loadVisible(user, id));
  }

  async create(user: AuthUser, dto: CreateProjectDto): Promise<ProjectDto> {
    const id = await this.repo.transaction(async (em) => {
      if (await this.repo.codeTaken(em, dto.code)) {
        throw new AppError('conflict', 'PROJECT.CODE_TAKEN', `Mã dự án ${dto.code} đã được dùng cho dự án khác.`, {
          field: 'code',
        });
      }
      const project = em.getRepository(Project).create({
        code: dto.code,
        name: dto.name,
        description: dto.description ?? '',
        investorAgencyId: dto.investorAgencyId,
        recoveryGround: dto.recoveryGround,
        legalBasis: dto.legalBasis ?? '',
        regimeCode: dto.regimeCode,
        areaToRecover: dto.areaToRecover ?? null,
      });
      project.communes = await this.checkReferences(em, project, dto.communeIds);
      const saved = await em.getRepository(Project).save(project);
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'project',
        entityId: saved.id,
        changes: diffFields<ProjectState>(null, projectState(saved), PROJECT_FIELDS),
      });
      return saved.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateProjectDto): Promise<ProjectDto> {
    await this.repo.transaction(async (em) => {
      const project = await this.repo.lock(em, id);
      if (!project) throw notFound('project', id, 'dự án');
      if (project.version !== dto.version) throw staleVersion('project', dto.version, project.version);
      const before = projectState(project);
      const { version: _v, communeIds, ...fields } = dto;
      Object.assign(project, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      project.communes = await this.checkReferences(em, project, communeIds ?? project.communes!.map((c) => c.id));
      delete (project as Partial<Project>).investor;
      delete (project as Partial<Project>).regime;
      const changes = diffFields<ProjectState>(before, projectState(project), PROJECT_FIELDS);
      if (changes.length === 0) return;
      await em.getRepository(Project).save(project);
      await this.audit.record(em, user, { action: 'update', entityType: 'project', entityId: id, changes });
    });
    return this.get(user, id);
  }

  /** What other modules need of a project: its scope-relevant facts (investor, communes, regime). */
  async ref(projectId: string, em?: EntityManager): Promise<ProjectRef> {
    const ref = await this.repo.findRef(projectId, em);
    if (!ref) throw notFound('project', projectId, 'dự án');
    return ref;
  }

  /** What the recovery notice cites of the project: the decisions it rests on and the article it recovers under. */
  async recoveryBasis(projectId: string): Promise<{ legalBasis: string; recoveryGround: string }> {
    const p = await this.repo.recoveryBasis(projectId);
    if (!p) throw notFound('project', projectId, 'dự án');
    return { legalBasis: p.legalBasis, recoveryGround: p.recoveryGround };
  }

  /** Throws AUTH.OUT_OF_SCOPE unless the user may see the project. */
  async assertVisible(user: AuthUser, projectId: string): Promise<ProjectRef> {
    const ref = await this.ref(projectId);
    if (!isVisible(user, ref)) throw outOfScope(projectId);
    return ref;
  }

  /** Code and name of each of these projects, in no particular order (unknown ids are left out; no access check). */
  names(projectIds: string[]): Promise<ProjectName[]> {
    return this.repo.names(projectIds);
  }

  /** The ids of the projects an investor runs (an investor user's scope); none for a null agency. */
  idsOfInvestor(agencyId: string | null): Promise<string[]> {
    return this.repo.idsOfInvestor(agencyId);
  }

  async milestones(user: AuthUser, projectId: string): Promise<MilestoneDto[]> {
    const project = await this.loadVisible(user, projectId);
    return (project.milestones ?? []).map(mapMilestone).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }

  async addMilestone(user: AuthUser, projectId: string, dto: CreateMilestoneDto): Promise<MilestoneDto> {
    return this.repo.transaction(async (em) => {
      if (!(await this.repo.lock(em, projectId))) throw notFound('project', projectId, 'dự án');
      const milestone = em.getRepository(Milestone).create({
        projectId,
        dueDate: dto.dueDate,
        targetPercent: dto.targetPercent,
        label: dto.label ?? '',
        basis: dto.basis ?? '',
      });
      await this.checkMilestones(em, projectId, milestone);
      const saved = await em.getRepository(Milestone).save(milestone);
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'milestone',
        entityId: saved.id,
        changes: diffFields<Milestone>(null, saved, MILESTONE_FIELDS),
      });
      return mapMilestone(saved);
    });
  }

  async updateMilestone(
    user: AuthUser,
    projectId: string,
    milestoneId: string,
    dto: UpdateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.repo.transaction(async (em) => {
      if (!(await this.repo.lock(em, projectId))) throw notFound('project', projectId, 'dự án');
      const milestone = await em.getRepository(Milestone).findOneBy({ id: milestoneId, projectId });
      if (!milestone) throw notFound('milestone', milestoneId, 'mốc tiến độ');
      if (milestone.version !== dto.version) throw staleVersion('milestone', dto.version, milestone.version);
      const before = { ...milestone };
      const { version: _v, ...fields } = dto;
      Object.assign(milestone, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      await this.checkMilestones(em, projectId, milestone);
      const changes = diffFields<Milestone>(before, milestone, MILESTONE_FIELDS);
      if (changes.length === 0) return mapMilestone(milestone);
      const saved = await em.getRepository(Milestone).save(milestone);
      await this.audit.record(em, user, { action: 'update', entityType: 'milestone', entityId: milestoneId, changes });
      return mapMilestone(saved);
    });
  }

  async removeMilestone(user: AuthUser, projectId: string, milestoneId: string): Promise<void> {
    await this.repo.transaction(async (em) => {
      if (!(await this.repo.lock(em, projectId))) throw notFound('project', projectId, 'dự án');
      const milestone = await em.getRepository(Milestone).findOneBy({ id: milestoneId, projectId });
      if (!milestone) throw notFound('milestone', milestoneId, 'mốc tiến độ');
      await em.getRepository(Milestone).delete({ id: milestoneId });
      await this.audit.record(em, user, {
        action: 'delete',
        entityType: 'milestone',
        entityId: milestoneId,
        changes: diffFields<Milestone>(milestone, null, MILESTONE_FIELDS),
      });
    });
  }

  private async loadVisible(user: AuthUser, id: string): Promise<Project> {
    const project = await this.repo.findById(id);
    if (!project) throw notFound('project', id, 'dự án');
    if (!isVisible(user, toRef(project))) throw outOfScope(id);
    return project;
  }

  private async checkReferences(em: EntityManager, project: Project, communeIds: string[]) {
    const investor = await this.repo.findInvestor(em, project.investorAgencyId);
    if (!investor || investor.kind !== 'investor') {
      throw new AppError(
        'validation',
        'PROJECT.INVESTOR_UNKNOWN',
        'Chủ đầu tư không có trong danh mục cơ quan (loại chủ đầu tư).',
        {
          field: 'investorAgencyId',
        },
      );
    }
    if (!(await this.repo.findRegime(em, project.regimeCode))) {
      throw new AppError(
        'validation',
        'PROJECT.REGIME_UNKNOWN',
        `Không có quy trình thủ tục mã ${project.regimeCode}.`,
        { field: 'regimeCode' },
      );
    }
    const unique = [...new Set(communeIds)];
    const communes = await this.repo.findCommunes(em, unique);
    if (communes.length !== unique.length) {
      const known = new Set(communes.map((c) => c.id));
      throw new AppError(
        'validation',
        'PROJECT.COMMUNE_UNKNOWN',
        'Có xã không nằm trong danh mục đơn vị hành chính cấp xã.',
        {
          field: 'communeIds',
          unknown: unique.filter((id) => !known.has(id)),
        },
      );
    }
    return communes;
  }

  private async checkMilestones(em: EntityManager, projectId: string, changed: Milestone): Promise<void> {
    const others = (await this.repo.milestones(em, projectId)).filter((m) => m.id !== changed.id);
    if (others.some((m) => m.dueDate === changed.dueDate)) {
      throw new AppError(
        'conflict',
        'MILESTONE.DATE_TAKEN',
        `Dự án đã có mốc tiến độ ngày ${formatVnDate(changed.dueDate)}.`,
        {
          field: 'dueDate',
        },
      );
    }
    const bad = findDecreasingTarget([...others, changed]);
    if (bad) {
      throw new AppError(
        'validation',
        'MILESTONE.TARGET_DECREASES',
        `Mục tiêu ngày ${formatVnDate(bad[1].dueDate)} (${formatPercent(trimDecimal(bad[1].targetPercent))}) thấp hơn mục tiêu của mốc trước đó ngày ${formatVnDate(bad[0].dueDate)} (${formatPercent(trimDecimal(bad[0].targetPercent))}).`,
        { field: 'targetPercent' },
      );
    }
  }
}
