import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { HandoverController } from './handover.controller.js';
import { HandoverService } from './handover.service.js';

@Module({ imports: [CasesModule], controllers: [HandoverController], providers: [HandoverService] })
export class HandoverModule {}
