import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '../policy.js';
import { type Role, ROLE_LABELS, ROLES } from '../../../shared/roles.js';

export class LoginDto {
  @ApiProperty({ example: 'canbo.ttptqd' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'gpmb-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class MeDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Tên vai trò bằng tiếng Việt' }) roleLabel!: string;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: [String], description: 'Các xã được phân công (cán bộ xã)' }) communeIds!: string[];
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token: gửi trong header Authorization: Bearer <token>' }) token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: MeDto }) user!: MeDto;
}

export const mapMe = (u: AuthUser): MeDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roleLabel: ROLE_LABELS[u.role],
  agencyId: u.agencyId,
  communeIds: u.communeIds,
});
