import { ApiProperty } from '@nestjs/swagger';
import type { AdminUnit } from '../admin-unit.entity.js';
import type { Agency } from '../agency.entity.js';

export class CommuneDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'xã / thị trấn' }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn)' }) remote!: boolean;
  @ApiProperty({ type: String, nullable: true }) remoteBasis!: string | null;
}

export class AgencyDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
}

export const mapCommune = (c: AdminUnit): CommuneDto => ({
  id: c.id,
  code: c.code,
  kind: c.kind,
  name: c.name,
  remote: c.remote,
  remoteBasis: c.remoteBasis,
});

export const mapAgency = (a: Agency): AgencyDto => ({
  id: a.id,
  code: a.code,
  kind: a.kind,
  name: a.name,
  shortName: a.shortName,
});

/** A land type of the code table in use (Thông tư 28/2014/TT-BTNMT): what a parcel's land type is chosen from. */
export class LandTypeDto {
  @ApiProperty({ example: 'ONT' }) code!: string;
  @ApiProperty({ example: 'Đất ở tại nông thôn' }) name!: string;
  @ApiProperty({ example: 'residential', description: 'Nhóm đất' }) group!: string;
}
