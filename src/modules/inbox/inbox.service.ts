import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { CASE_EDITORS } from '../../shared/roles.js';
import { CasesService } from '../cases/cases.service.js';
import { WorkflowService } from '../plans/workflow.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { nextSteps, stateOrder } from '../regimes/domain/case-machine.js';
import { RegimesService } from '../regimes/regimes.service.js';
import type { InboxCaseGroupDto, InboxDto, InboxPlanStepDto } from './dto/inbox.dto.js';

/**
 * Việc cần làm: what waits for the user's role across the projects it may see — plan steps (with the earliest day
 * the regime allows and what still blocks them) and households grouped by the state where a step of this role is
 * next. Everything comes from the owners' services and the regimes' rules; nothing is decided here.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly cases: CasesService,
    private readonly plans: PlansService,
    private readonly workflow: WorkflowService,
    private readonly regimes: RegimesService,
    private readonly calendar: CalendarService,
  ) {}

  async inbox(user: AuthUser): Promise<InboxDto> {
    const projects = await this.projects.list(user);
    const plans: InboxPlanStepDto[] = [];
    for (const project of projects)
      for (const plan of await this.plans.summaries(user, project.id))
        for (const step of await this.workflow.nextSteps(user, plan.id))
          if (step.mine)
            plans.push({
              planId: plan.id,
              planCode: plan.code,
              planName: plan.name,
              projectCode: project.code,
              status: plan.status,
              action: step.action,
              label: step.label,
              earliestOn: step.earliestOn,
              blockedBy: step.blockedBy,
            });
    // Case steps are taken by the case editors and the district leader (CasesService.transition's rule).
    const cases: InboxCaseGroupDto[] = [];
    if (CASE_EDITORS.includes(user.role) || user.role === 'district_leader') {
      const counts = await this.cases.stateCounts(user);
      const rest = await this.calendar.restDays();
      for (const project of projects) {
        const machine = await this.regimes.caseMachine(project.regimeCode);
        const order = stateOrder(machine);
        for (const row of counts
          .filter((c) => c.projectId === project.id)
          .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state))) {
          const steps = nextSteps(machine, row.state, [], rest).filter((s) => s.roles.includes(user.role));
          if (steps.length)
            cases.push({
              projectId: project.id,
              projectCode: project.code,
              projectName: project.name,
              state: row.state,
              stateLabel: machine.states[row.state]?.label ?? row.state,
              count: row.count,
              steps: steps.map((s) => s.label),
            });
        }
      }
    }
    plans.sort(
      (a, b) => (a.blockedBy ? 1 : 0) - (b.blockedBy ? 1 : 0) || (a.earliestOn ?? '').localeCompare(b.earliestOn ?? ''),
    );
    return { plans, cases };
  }
}
