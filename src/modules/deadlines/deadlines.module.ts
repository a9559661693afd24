import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { DeadlinesService } from './deadlines.service.js';

@Module({
  imports: [CalendarModule, ComplaintsModule],
  controllers: [DeadlinesController],
  providers: [DeadlinesService, DeadlinesRepository],
})
export class DeadlinesModule {}
