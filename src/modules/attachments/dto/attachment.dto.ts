import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { ATTACHMENT_OWNERS, type Attachment, type AttachmentOwner } from '../attachment.entity.js';
import { Optional } from '../../../core/validation/validators.js';

export class UploadAttachmentDto {
  @ApiPropertyOptional({
    enum: ATTACHMENT_OWNERS,
    default: 'case',
    description: 'Gắn vào hồ sơ, biên bản kiểm đếm hoặc một bước thủ tục',
  })
  @Optional()
  @IsIn(ATTACHMENT_OWNERS)
  ownerType?: AttachmentOwner;

  @ApiPropertyOptional({ description: 'Mã biên bản / bước thủ tục (khi ownerType khác case)' })
  @Optional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) description?: string;
}

export class AttachmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ATTACHMENT_OWNERS }) ownerType!: AttachmentOwner;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) complaintId!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() description!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty() uploadedAt!: string;
}

export const mapAttachment = (a: Attachment): AttachmentDto => ({
  id: a.id,
  ownerType: a.ownerType,
  ownerId: a.ownerId,
  caseId: a.caseId,
  complaintId: a.complaintId,
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: Number(a.sizeBytes),
  sha256: a.sha256,
  description: a.description,
  uploadedBy: a.uploadedBy,
  uploadedAt: a.uploadedAt.toISOString(),
});
