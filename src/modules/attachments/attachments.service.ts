import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { FileStorage, sniffMediaType } from '../../core/storage/file-storage.js';
import { CasesService } from '../cases/cases.service.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { Attachment, type AttachmentOwner } from './attachment.entity.js';
import { AttachmentDto, mapAttachment, UploadAttachmentDto } from './dto/attachment.dto.js';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly storage: FileStorage,
    private readonly cases: CasesService,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, caseId: string): Promise<AttachmentDto[]> {
    await this.cases.access(user, caseId, 'read');
    // A complaint's files are listed with the complaint (they carry the complainant's personal data).
    const rows = await this.db
      .getRepository(Attachment)
      .find({ where: { caseId, complaintId: IsNull() }, order: { uploadedAt: 'DESC' } });
    return rows.map(mapAttachment);
  }

  /** Signed scans only: PDF, JPEG or PNG by content, within the size limit; stored with their SHA-256. */
  async upload(
    user: AuthUser,
    caseId: string,
    dto: UploadAttachmentDto,
    file: UploadedFile | undefined,
  ): Promise<AttachmentDto> {
    await this.cases.access(user, caseId, 'write');
    const ownerType = dto.ownerType ?? 'case';
    if (ownerType === 'complaint' || ownerType === 'complaint_event') {
      throw new AppError(
        'validation',
        'ATTACHMENT.OWNER_NOT_IN_CASE',
        'Tệp của đơn thư được đính kèm tại đơn (POST /complaints/:id/attachments).',
        { field: 'ownerType' },
      );
    }
    const ownerId = ownerType === 'case' ? caseId : dto.ownerId;
    if (!ownerId)
      throw new AppError(
        'validation',
        'ATTACHMENT.OWNER_REQUIRED',
        'Thiếu mã biên bản hoặc bước thủ tục cần đính kèm.',
        { field: 'ownerId' },
      );
    const checked = this.checkFile(file);
    if (ownerType !== 'case') await this.assertOwnerInCase(ownerType, ownerId, caseId);
    return this.store(user, { ownerType, ownerId, caseId, complaintId: null }, dto.description ?? '', checked);
  }

  /**
   * A file for an owner the caller has already checked access to (a complaint or one of its steps: the complaints
   * service checks scope and owner). Same checks on the file.
   */
  async attach(
    user: AuthUser,
    owner: { ownerType: AttachmentOwner; ownerId: string; caseId: string | null; complaintId: string | null },
    description: string,
    file: UploadedFile | undefined,
  ): Promise<AttachmentDto> {
    return this.store(user, owner, description, this.checkFile(file));
  }

  /** The files of a complaint (its own and its steps'). */
  async ofComplaint(complaintId: string): Promise<AttachmentDto[]> {
    const rows = await this.db.getRepository(Attachment).find({ where: { complaintId }, order: { uploadedAt: 'ASC' } });
    return rows.map(mapAttachment);
  }

  /** The file with its media type read from the content, or a coded refusal. */
  private checkFile(file: UploadedFile | undefined): UploadedFile & { mediaType: string } {
    if (!file || file.size === 0) {
      throw new AppError('validation', 'ATTACHMENT.FILE_REQUIRED', 'Chưa chọn tệp để tải lên (trường "file").', {
        field: 'file',
      });
    }
    if (file.size > this.config.attachmentMaxMb * 1024 * 1024) {
      throw new AppError('validation', 'ATTACHMENT.TOO_LARGE', `Tệp lớn hơn ${this.config.attachmentMaxMb} MB.`, {
        field: 'file',
        sizeBytes: file.size,
      });
    }
    const mediaType = sniffMediaType(file.buffer);
    if (!mediaType) {
      throw new AppError(
        'validation',
        'ATTACHMENT.TYPE_NOT_ALLOWED',
        'Chỉ nhận bản quét dạng PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).',
        { field: 'file' },
      );
    }
    return { ...file, mediaType };
  }

  private async store(
    user: AuthUser,
    owner: { ownerType: AttachmentOwner; ownerId: string; caseId: string | null; complaintId: string | null },
    description: string,
    file: UploadedFile & { mediaType: string },
  ): Promise<AttachmentDto> {
    const stored = await this.storage.put(file.buffer);
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(Attachment).save(
        em.getRepository(Attachment).create({
          ...owner,
          fileName: cleanName(file.originalname),
          mediaType: file.mediaType,
          sizeBytes: String(stored.size),
          sha256: stored.sha256,
          storageKey: stored.key,
          description,
          uploadedBy: user.id,
        }),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'attachment',
        entityId: saved.id,
        changes: [
          { field: 'owner', from: null, to: `${owner.ownerType}:${owner.ownerId}` },
          { field: 'sha256', from: null, to: stored.sha256 },
        ],
      });
      return mapAttachment(saved);
    });
  }

  async open(user: AuthUser, id: string): Promise<{ attachment: AttachmentDto; stream: Readable }> {
    const a = await this.db.getRepository(Attachment).findOneBy({ id });
    if (!a) throw notFound('attachment', id, 'tệp đính kèm');
    if (a.complaintId) {
      if (!PERSONAL_DATA_ROLES.includes(user.role))
        throw new AppError(
          'forbidden',
          'AUTH.PERSONAL_DATA',
          'Đơn thư và văn bản kèm theo chứa dữ liệu cá nhân: vai trò của bạn không được xem.',
          {},
        );
      await this.assertComplaintInScope(user, a.complaintId);
    } else await this.cases.access(user, a.caseId!, 'read');
    return { attachment: mapAttachment(a), stream: this.storage.read(a.storageKey) };
  }

  /** A complaint's file without a case: the complaint's scope decides (complaints registers the check). */
  private async assertComplaintInScope(user: AuthUser, complaintId: string): Promise<void> {
    const inScope = this.complaintVisible ? await this.complaintVisible(user, complaintId) : false;
    if (!inScope)
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Tệp này thuộc đơn thư ngoài phạm vi được giao.', {});
  }

  /** Complaints (which attach their files here) say who may see a complaint, so attachments need not read them. */
  private complaintVisible: ((user: AuthUser, complaintId: string) => Promise<boolean>) | null = null;
  registerComplaintScope(visible: (user: AuthUser, complaintId: string) => Promise<boolean>): void {
    this.complaintVisible = visible;
  }

  private async assertOwnerInCase(ownerType: string, ownerId: string, caseId: string): Promise<void> {
    const ownerCase =
      ownerType === 'inventory' ? await this.inventory.caseOf(ownerId) : await this.cases.caseOfStep(ownerId);
    if (ownerCase !== caseId) {
      throw new AppError(
        'validation',
        'ATTACHMENT.OWNER_NOT_IN_CASE',
        'Biên bản / bước thủ tục không thuộc hồ sơ này.',
        { field: 'ownerId' },
      );
    }
  }
}

/** File names keep their Vietnamese letters but lose path parts and control characters. */
function cleanName(name: string): string {
  // Multer hands over the name as latin1 bytes; browsers send UTF-8.
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  const decoded = utf8.includes('\uFFFD') ? name : utf8;
  return (
    decoded
      .normalize('NFC')
      .replace(/^.*[\\/]/, '')
      // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
      .replace(/[\x00-\x1f]/g, '')
      .slice(0, 255) || 'tep-dinh-kem'
  );
}
