import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ParcelsController } from './parcels.controller.js';
import { ParcelsRepository } from './parcels.repository.js';
import { ParcelsService } from './parcels.service.js';

@Module({
  imports: [CasesModule],
  controllers: [ParcelsController],
  providers: [ParcelsRepository, ParcelsService],
  exports: [ParcelsService],
})
export class ParcelsModule {}
