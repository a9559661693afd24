import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Inventory } from './inventory.entity.js';

export const ITEM_KINDS = ['land', 'structure', 'tree', 'crop', 'livestock', 'grave', 'movable'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * One counted thing. `itemCode` keys it to a price-book entry for pricing. Kind-specific facts (structure grade,
 * year built, remaining quality %, species, size class…) sit in `attributes`.
 */
@Entity('inventory_items')
@Index(['inventoryId'])
export class InventoryItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'inventory_id' })
  inventoryId!: string;

  @ManyToOne(() => Inventory, (i) => i.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inventory_id' })
  inventory?: Relation<Inventory>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: ItemKind;

  @Column({ type: 'varchar', length: 40, name: 'item_code' })
  itemCode!: string;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'numeric', precision: 16, scale: 4 })
  quantity!: string;

  @Column({ type: 'varchar', length: 16 })
  unit!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, string | number | boolean>;

  /** When the asset was first there (declared or observed); after the notice date it is not compensable. */
  @Column({ type: 'date', name: 'first_recorded_on', nullable: true })
  firstRecordedOn!: string | null;

  /** Flag (procedure.md §8.2, LĐĐ 2024 Đ105 k2): created after the recovery notice → not compensable. */
  @Column({ type: 'boolean', name: 'after_notice', default: false })
  afterNotice!: boolean;
}
