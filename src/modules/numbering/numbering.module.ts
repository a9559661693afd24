import { Module } from '@nestjs/common';
import { NumberingController } from './numbering.controller.js';
import { NumberingRepository } from './numbering.repository.js';
import { NumberingService } from './numbering.service.js';

@Module({
  controllers: [NumberingController],
  providers: [NumberingRepository, NumberingService],
  exports: [NumberingService],
})
export class NumberingModule {}
