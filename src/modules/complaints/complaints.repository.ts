import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { ComplaintRuleRow } from './complaint-rule.entity.js';
import { Complaint, ComplaintEvent } from './complaint.entity.js';

/**
 * The complaints a user may see: a commune officer's communes, an investor's projects (ids from
 * ProjectsService.idsOfInvestor), or all when neither is given.
 */
export interface ComplaintScope {
  communeIds?: string[];
  projectIds?: string[];
}

/** The list's filters (GET /complaints); each one given narrows the list. */
export interface ComplaintListFilter {
  projectId?: string;
  communeId?: string;
  caseId?: string;
  kind?: string;
  state?: string;
  agency?: string;
}

/** A commune as the complaints' deadlines need it: its name, and whether it is remote (longer deadlines). */
export interface CommuneRow {
  id: string;
  name: string;
  remote: boolean;
}

/** A complaint whose execution is suspended: its code and the suspending decision's reference. */
export interface SuspendingComplaint {
  code: string;
  ref: string | null;
}

type NewComplaint = Omit<
  Complaint,
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'project'
  | 'commune'
  | 'case'
  | 'acceptedOn'
  | 'decidedOn'
  | 'decisionNumber'
  | 'outcome'
  | 'firstDecidedOn'
  | 'closedOn'
  | 'suspendedSince'
  | 'suspendedDays'
  | 'stateBeforeSuspension'
  | 'executionSuspended'
  | 'executionSuspensionRef'
  | 'adjustmentPlanId'
>;
type NewEvent = Omit<ComplaintEvent, 'id' | 'recordedAt' | 'complaint' | 'complex'> & { complex?: boolean | null };

/** The SQL of complaints, complaint_events and complaint_rules. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The use case's transaction: every query inside runs on its connection (see transaction-scope.ts). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Complaints in the scope, newest received first. */
  list(scope: ComplaintScope, f: ComplaintListFilter): Promise<Complaint[]> {
    return this.scoped(scope)
      .andWhere(f.projectId ? 'x.projectId = :projectId' : 'TRUE', { projectId: f.projectId })
      .andWhere(f.communeId ? 'x.communeId = :communeId' : 'TRUE', { communeId: f.communeId })
      .andWhere(f.caseId ? 'x.caseId = :caseId' : 'TRUE', { caseId: f.caseId })
      .andWhere(f.kind ? 'x.kind = :kind' : 'TRUE', { kind: f.kind })
      .andWhere(f.state ? 'x.state = :state' : 'TRUE', { state: f.state })
      .andWhere(f.agency ? 'x.agency = :agency' : 'TRUE', { agency: f.agency })
      .orderBy('x.receivedOn', 'DESC')
      .addOrderBy('x.code', 'DESC')
      .getMany();
  }

  /** Complaints in the scope received from `from` (when given) to `to`, in no particular order. */
  receivedBetween(
    scope: ComplaintScope,
    projectId: string | undefined,
    from: string | undefined,
    to: string,
  ): Promise<Complaint[]> {
    return this.scoped(scope)
      .andWhere(projectId ? 'x.projectId = :projectId' : 'TRUE', { projectId })
      .andWhere(from ? 'x.receivedOn >= :from' : 'TRUE', { from })
      .andWhere('x.receivedOn <= :to', { to })
      .getMany();
  }

  /** Complaints in the scope in one of these states, in no particular order. */
  inStates(scope: ComplaintScope, projectId: string | undefined, states: string[]): Promise<Complaint[]> {
    return this.scoped(scope)
      .andWhere(projectId ? 'x.projectId = :projectId' : 'TRUE', { projectId })
      .andWhere('x.state IN (:...open)', { open: states })
      .getMany();
  }

  isVisible(scope: ComplaintScope, id: string): Promise<boolean> {
    return this.scoped(scope).andWhere('x.id = :id', { id }).getExists();
  }

  findById(id: string): Promise<Complaint | null> {
    return this.db.getRepository(Complaint).findOneBy({ id });
  }

  lock(em: EntityManager, id: string): Promise<Complaint | null> {
    return em.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The next register code of the year, DT-<year>-<seq>: the year's advisory lock, held until the transaction ends,
   * makes registrations of one year take their numbers one after another.
   */
  async nextCode(em: EntityManager, year: string): Promise<string> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`complaint-code:${year}`]);
    const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM complaints WHERE code LIKE $1`, [
      `DT-${year}-%`,
    ]);
    return `DT-${year}-${String(n + 1).padStart(4, '0')}`;
  }

  create(em: EntityManager, fields: NewComplaint): Promise<Complaint> {
    return em.getRepository(Complaint).save(em.getRepository(Complaint).create(fields));
  }

  save(em: EntityManager, c: Complaint): Promise<Complaint> {
    return em.getRepository(Complaint).save(c);
  }

  /** Records a step; returns its id. */
  async insertEvent(em: EntityManager, e: NewEvent): Promise<string> {
    const { identifiers } = await em.getRepository(ComplaintEvent).insert(e);
    return (identifiers as { id: string }[])[0].id;
  }

  /** A complaint's steps, in the order they happened. */
  events(complaintId: string): Promise<ComplaintEvent[]> {
    return this.db
      .getRepository(ComplaintEvent)
      .find({ where: { complaintId }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
  }

  /** The steps of these complaints that happened on or before `to`, in the order they happened. */
  eventsUpTo(complaintIds: string[], to: string): Promise<ComplaintEvent[]> {
    return this.db.getRepository(ComplaintEvent).find({
      where: { complaintId: In(complaintIds), occurredOn: LessThanOrEqual(to) },
      order: { occurredOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  /** The complaint a step belongs to, or null when there is no such step. */
  async complaintOfEvent(eventId: string): Promise<string | null> {
    const [row] = await this.db.query<{ complaintId: string }[]>(
      'SELECT complaint_id AS "complaintId" FROM complaint_events WHERE id = $1',
      [eventId],
    );
    return row?.complaintId ?? null;
  }

  /** The day of the complaint's last step (YYYY-MM-DD), or null. */
  async lastEventOn(em: EntityManager, complaintId: string): Promise<string | null> {
    const [row] = await em.query<{ last: string | null }[]>(
      `SELECT to_char(max(occurred_on), 'YYYY-MM-DD') AS last FROM complaint_events WHERE complaint_id = $1`,
      [complaintId],
    );
    return row.last;
  }

  /** The first complaint (by day received, then code) of the case whose execution is suspended, or null. */
  async firstSuspending(em: EntityManager, caseId: string): Promise<SuspendingComplaint | null> {
    const [row] = await em.query<SuspendingComplaint[]>(
      `SELECT code, execution_suspension_ref AS ref FROM complaints WHERE case_id = $1 AND execution_suspended ORDER BY received_on, code LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }

  rules(): Promise<ComplaintRuleRow[]> {
    return this.db.getRepository(ComplaintRuleRow).find();
  }

  /** Communes (reference data, read by every module) with their remote flag. */
  communes(ids: string[]): Promise<CommuneRow[]> {
    return this.db.query<CommuneRow[]>('SELECT id, name, remote FROM admin_units WHERE id = ANY($1)', [ids]);
  }

  private scoped(scope: ComplaintScope) {
    const qb = this.db.getRepository(Complaint).createQueryBuilder('x');
    if (scope.communeIds) qb.where('x.communeId = ANY(:communes)', { communes: scope.communeIds });
    else if (scope.projectIds) qb.where('x.projectId = ANY(:projects)', { projects: scope.projectIds });
    else qb.where('TRUE');
    return qb;
  }
}
