import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminUnit } from './admin-unit.entity.js';
import { Agency } from './agency.entity.js';

/** Reference data (danh mục): communes and agencies, seeded from seeds/, read here. */
@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  communes(): Promise<AdminUnit[]> {
    return this.db.getRepository(AdminUnit).find({ where: { level: 'commune' }, order: { name: 'ASC' } });
  }

  agencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { code: 'ASC' } });
  }
}
