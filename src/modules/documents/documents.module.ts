import { Module } from '@nestjs/common';
import { NumberingModule } from '../numbering/numbering.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [NumberingModule, ReferenceModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
