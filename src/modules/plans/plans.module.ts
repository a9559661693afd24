import { Module } from '@nestjs/common';
import { PricingModule } from '../pricing/pricing.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';

@Module({ imports: [ProjectsModule, PricingModule], controllers: [PlansController], providers: [PlansRepository, PlansService], exports: [PlansService] })
export class PlansModule {}
