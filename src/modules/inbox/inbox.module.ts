import { CalendarModule } from '../calendar/calendar.module.js';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';

/** Việc cần làm: a read-side module over the owners' services (it owns no table and reads none itself). */
@Module({
  imports: [ProjectsModule, CasesModule, PlansModule, RegimesModule, CalendarModule],
  controllers: [InboxController],
  providers: [InboxService],
})
export class InboxModule {}
