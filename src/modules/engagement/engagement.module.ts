import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EngagementController } from './engagement.controller.js';
import { EngagementService } from './engagement.service.js';

@Module({ imports: [CasesModule], controllers: [EngagementController], providers: [EngagementService] })
export class EngagementModule {}
