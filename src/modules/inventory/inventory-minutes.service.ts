import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { formatVnDate } from '../../shared/dates.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatArea, vnLongDate } from '../../shared/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { ITEM_KIND_LABELS } from './domain/item-kinds.js';
import { InventoryItem } from './inventory-item.entity.js';
import { Inventory } from './inventory.entity.js';

/** Inventory item attributes, named in Vietnamese on the minutes. */
const ATTRIBUTE_LABELS: Record<string, string> = {
  grade: 'Cấp, loại',
  yearBuilt: 'Năm xây dựng',
  qualityPercent: 'Chất lượng còn lại (%)',
  species: 'Loài cây',
  sizeClass: 'Cỡ, tuổi',
  areaM2: 'Diện tích trồng (m²)',
  diameterCm: 'Đường kính (cm)',
};

/**
 * Biên bản kiểm đếm: the inventory, its participants (each signs), its items in the attached table. Inventory
 * supplies the content; the documents module numbers, renders and stores it.
 */
@Injectable()
export class InventoryMinutesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly cases: CasesService,
    private readonly parcels: ParcelsService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('inventory_minutes', (doc) => this.content(doc));
    // The minutes of an inventory are seen by whoever sees its case.
    this.documents.registerSubject('inventory', async (id) => {
      const inv = await this.db.getRepository(Inventory).findOne({ where: { id }, select: { caseId: true } });
      return inv ? this.cases.documentSubject(inv.caseId) : null;
    });
  }

  private async content(doc: DocumentRecord): Promise<DocumentContent> {
    const inv = await this.db.getRepository(Inventory).findOneBy({ id: doc.entityId });
    if (!inv) throw new PermanentJobError(`inventory ${doc.entityId} not found`);
    const who = await this.cases.heading(inv.caseId);
    const parcels = await this.parcels.ofCase(inv.caseId);
    const items = await this.db
      .getRepository(InventoryItem)
      .find({ where: { inventoryId: inv.id }, order: { position: 'ASC' } });
    const participants = inv.participants;
    return {
      data: {
        district: { name: who.district },
        project: { name: who.projectName },
        commune: { name: who.commune, kind: who.communeKind },
        holder: { name: who.name, address: who.address || `${who.communeKind} ${who.commune}` },
        notice: who.notice,
        inventory: {
          revision: inv.revision,
          date: vnLongDate(inv.surveyedOn),
          shortDate: formatVnDate(inv.surveyedOn),
        },
        participants: participants.map((p) => `${p.name} (${p.role})`).join('; '),
        parcels: parcels.length
          ? parcels
              .map(
                (p) =>
                  `thửa số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích ${formatArea(trimDecimal(p.measuredArea))} m², thu hồi ${formatArea(trimDecimal(p.recoveredArea))} m²`,
              )
              .join('; ')
          : 'không có',
        itemCount: items.length,
      },
      rows: items.map((it, i) => [
        String(i + 1),
        ITEM_KIND_LABELS[it.kind] ?? it.kind,
        it.itemCode,
        it.description,
        formatArea(trimDecimal(it.quantity)),
        it.unit,
        [
          ...Object.entries(it.attributes ?? {})
            .filter(([k]) => ATTRIBUTE_LABELS[k])
            .map(([k, v]) => `${ATTRIBUTE_LABELS[k]}: ${String(v)}`),
          ...(it.afterNotice ? ['tạo lập sau thông báo thu hồi'] : []),
        ].join('; '),
      ]),
      totals: undefined,
      signatories: participants.map((p) => ({ title: p.role, name: p.name })),
    };
  }
}
