import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The SQL of reference data: communes and districts (admin_units) and the agencies of a district. */
@Injectable()
export class ReferenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The agency of a kind in the district a place lies in (a commune's district, or the district itself). */
  async issuerIn(kind: string, placeId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM admin_units u
       JOIN agencies a ON a.kind = $1 AND a.admin_unit_id = CASE WHEN u.level = 'commune' THEN u.parent_id ELSE u.id END
       WHERE u.id = $2 ORDER BY a.code LIMIT 1`,
      [kind, placeId],
    );
    return row?.id ?? null;
  }

  /** The first district by code (the one the Center works in). */
  async firstDistrict(): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM admin_units WHERE level = 'district' ORDER BY code LIMIT 1`,
    );
    return row?.id ?? null;
  }

  async districtName(placeId: string): Promise<string> {
    const [row] = await this.db.query<{ name: string }[]>(
      `SELECT d.name FROM admin_units u JOIN admin_units d ON d.id = CASE WHEN u.level = 'commune' THEN u.parent_id ELSE u.id END
       WHERE u.id = $1`,
      [placeId],
    );
    return row?.name ?? '';
  }
}
