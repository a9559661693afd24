import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AuthUser } from '../../../core/auth/policy.js';
import { PERSONAL_DATA_ROLES } from '../../../shared/roles.js';
import { IsCccd, Optional } from '../../../core/validation/validators.js';
import {
  type HouseholdMember,
  householdCount,
  LAND_USER_KINDS,
  type LandUser,
  type LandUserKind,
} from '../land-user.entity.js';

export class HouseholdMemberDto implements HouseholdMember {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName!: string;
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear!: number | null;
  @ApiProperty({ example: 'Con' }) @IsString() @MaxLength(60) relation!: string;
  @ApiProperty({ description: 'Đang sinh sống trên thửa đất' }) @IsBoolean() livesOnLand!: boolean;
  @ApiProperty({ description: 'Trực tiếp sản xuất nông nghiệp trên đất' }) @IsBoolean() farmsLand!: boolean;
}

class LandUserFields {
  @ApiPropertyOptional() @Optional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ type: [HouseholdMemberDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  members?: HouseholdMemberDto[];
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Số nhân khẩu khai báo khi chưa ghi danh sách nhân khẩu (1–100; null để bỏ)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  householdSize?: number | null;
  @ApiPropertyOptional({ description: 'Hộ nghèo' }) @Optional() @IsBoolean() poorHousehold?: boolean;
  @ApiPropertyOptional({ description: 'Gia đình chính sách' }) @Optional() @IsBoolean() policyFamily?: boolean;
  @ApiPropertyOptional({ description: 'Trực tiếp sản xuất nông nghiệp' })
  @Optional()
  @IsBoolean()
  directlyFarming?: boolean;
}

export class CreateLandUserDto extends LandUserFields {
  @ApiProperty({ enum: LAND_USER_KINDS }) @IsIn(LAND_USER_KINDS) kind!: LandUserKind;
  @ApiProperty({ description: 'Họ tên chủ hộ / cá nhân, hoặc tên tổ chức' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName!: string;
  @ApiPropertyOptional({ description: 'Số CCCD (12 chữ số); bắt buộc với hộ gia đình và cá nhân' })
  @Optional()
  @IsCccd()
  cccd?: string;
}

export class UpdateLandUserDto extends LandUserFields {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @IsString() @IsNotEmpty() @MaxLength(300) fullName?: string;
  @ApiPropertyOptional() @Optional() @IsCccd() cccd?: string;
}

export class LandUserDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: LAND_USER_KINDS }) kind!: LandUserKind;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null khi vai trò không được xem thông tin cá nhân' })
  cccd!: string | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: [HouseholdMemberDto], nullable: true }) members!: HouseholdMemberDto[] | null;
  @ApiProperty({ description: 'Số nhân khẩu: theo danh sách, hoặc số khai báo khi chưa có danh sách' })
  memberCount!: number;
  @ApiProperty({ type: Number, nullable: true }) householdSize!: number | null;
  @ApiProperty() poorHousehold!: boolean;
  @ApiProperty() policyFamily!: boolean;
  @ApiProperty() directlyFarming!: boolean;
  @ApiProperty({ description: 'true khi CCCD, địa chỉ, nhân khẩu bị ẩn theo vai trò' }) personalDataHidden!: boolean;
  @ApiProperty() version!: number;
}

export const mapLandUser = (u: LandUser, viewer: AuthUser): LandUserDto => {
  const personal = PERSONAL_DATA_ROLES.includes(viewer.role);
  return {
    id: u.id,
    kind: u.kind,
    fullName: u.fullName,
    cccd: personal ? u.cccd : null,
    birthYear: u.birthYear,
    address: personal ? u.address : null,
    members: personal ? u.members : null,
    memberCount: householdCount(u),
    householdSize: u.householdSize,
    poorHousehold: u.poorHousehold,
    policyFamily: u.policyFamily,
    directlyFarming: u.directlyFarming,
    personalDataHidden: !personal,
    version: u.version,
  };
};
