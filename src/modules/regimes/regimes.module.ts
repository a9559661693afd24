import { Module } from '@nestjs/common';
import { RegimesService } from './regimes.service.js';

@Module({ providers: [RegimesService], exports: [RegimesService] })
export class RegimesModule {}
