import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InventoryItem, type ItemKind } from './inventory-item.entity.js';
import { Inventory } from './inventory.entity.js';

/** An item of a case's current signed inventory, as pricing reads it. */
export interface SignedItem {
  caseId: string;
  id: string;
  kind: ItemKind;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  attributes: Record<string, string | number | boolean>;
  afterNotice: boolean;
}

/** A first draft record as the Excel intake creates it. */
export interface NewDraft {
  caseId: string;
  surveyedOn: string;
  note: string;
}

/** An item as the Excel intake creates it. */
export type NewItem = Omit<InventoryItem, 'id' | 'inventory'>;

/** An item of a case's latest record, as the Excel export lists it (dates as YYYY-MM-DD, quantity exact). */
export interface ListedItem {
  caseId: string;
  surveyedOn: string;
  kind: string;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  attributes: Record<string, string | number>;
  firstRecordedOn: string | null;
}

/** The SQL of the inventories and their items. */
@Injectable()
export class InventoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The items of each case's current signed record, in record order. Signing a correction marks the record it
   * corrects 'superseded' (InventoryService.sign), so a case has at most one record in state 'signed': the current one.
   */
  signedItems(caseIds: string[], em: EntityManager = this.db.manager): Promise<SignedItem[]> {
    return em.query<SignedItem[]>(
      `SELECT i.case_id AS "caseId", it.id, it.kind, it.item_code AS "itemCode", it.description, it.quantity::text AS quantity, it.unit,
              it.attributes, it.after_notice AS "afterNotice"
       FROM inventories i JOIN inventory_items it ON it.inventory_id = i.id
       WHERE i.case_id = ANY($1) AND i.status = 'signed' ORDER BY it.position`,
      [caseIds],
    );
  }

  /** One INSERT of first draft records (revision 1, no participants yet), in the caller's transaction; ids in order. */
  async insertFirstDrafts(em: EntityManager, rows: NewDraft[]): Promise<string[]> {
    const res = await em.getRepository(Inventory).insert(
      rows.map((r) => ({
        caseId: r.caseId,
        revision: 1,
        status: 'draft' as const,
        surveyedOn: r.surveyedOn,
        participants: [],
        signedAt: null,
        signedBy: null,
        supersedesId: null,
        note: r.note,
      })),
    );
    return res.identifiers.map((r) => r.id as string);
  }

  /** One INSERT of items (the caller keeps the batch small), in the caller's transaction. */
  async insertItems(em: EntityManager, rows: NewItem[]): Promise<void> {
    await em.getRepository(InventoryItem).insert(rows);
  }

  /** The items of each case's latest record unless superseded, by case then position. */
  latestItems(caseIds: string[]): Promise<ListedItem[]> {
    return this.db.query<ListedItem[]>(
      `SELECT i.case_id AS "caseId", to_char(i.surveyed_on, 'YYYY-MM-DD') AS "surveyedOn", it.kind, it.item_code AS "itemCode", it.description,
              it.quantity::text AS quantity, it.unit, it.attributes, to_char(it.first_recorded_on, 'YYYY-MM-DD') AS "firstRecordedOn"
       FROM inventories i JOIN inventory_items it ON it.inventory_id = i.id
       WHERE i.case_id = ANY($1) AND i.status <> 'superseded'
         AND i.revision = (SELECT max(revision) FROM inventories j WHERE j.case_id = i.case_id)
       ORDER BY i.case_id, it.position`,
      [caseIds],
    );
  }
}
