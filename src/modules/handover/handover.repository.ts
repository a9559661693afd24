import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** An early-handover bonus line of a plan, as the bonus decision lists it (đồng and dates as text). */
export interface BonusLineRow {
  caseId: string;
  eligible: boolean;
  amount: string;
  compensation: string;
  paidOn: string;
  handedOverOn: string;
  days: number;
  basis: string;
  explanation: string;
}

/** One handover of a parcel (or part of it), as the case's handover state lists it. */
export interface HandoverRecordRow {
  parcelId: string;
  handedOverOn: string;
  area: string;
  enforced: boolean;
  minutesDocumentId: string | null;
}

/** The SQL of handovers and early-handover bonuses. */
@Injectable()
export class HandoverRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The area handed over so far of each parcel (exact text); a parcel with none is absent. */
  async handedByParcel(parcelIds: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ parcelId: string; handed: string }[]>(
      `SELECT parcel_id AS "parcelId", sum(area)::text AS handed FROM handovers WHERE parcel_id = ANY($1) GROUP BY parcel_id`,
      [parcelIds],
    );
    return new Map(rows.map((r) => [r.parcelId, r.handed]));
  }

  /** The plan's bonus lines, in no particular order. */
  bonusLines(planId: string): Promise<BonusLineRow[]> {
    return this.db.query<BonusLineRow[]>(
      `SELECT b.case_id AS "caseId", b.eligible, b.amount::text AS amount, trim_scale(b.compensation)::text AS compensation,
              to_char(b.paid_on, 'YYYY-MM-DD') AS "paidOn", to_char(b.handed_over_on, 'YYYY-MM-DD') AS "handedOverOn", b.days, b.basis, b.explanation
       FROM early_handover_bonuses b WHERE b.plan_id = $1`,
      [planId],
    );
  }

  /** The case's handovers, in the order they happened (then were recorded). */
  records(caseId: string): Promise<HandoverRecordRow[]> {
    return this.db.query<HandoverRecordRow[]>(
      `SELECT parcel_id AS "parcelId", to_char(handed_over_on, 'YYYY-MM-DD') AS "handedOverOn", area::text AS area, enforced, minutes_document_id AS "minutesDocumentId"
       FROM handovers WHERE case_id = $1 ORDER BY handed_over_on, recorded_at`,
      [caseId],
    );
  }

  /** The handovers recorded by one act (its biên bản), parcel and area. */
  ofMinutes(documentId: string): Promise<{ parcelId: string; area: string }[]> {
    return this.db.query<{ parcelId: string; area: string }[]>(
      `SELECT parcel_id AS "parcelId", area::text AS area FROM handovers WHERE minutes_document_id = $1 ORDER BY recorded_at`,
      [documentId],
    );
  }

  /** What the case had handed over when an act's minutes were recorded, that act included (exact text). */
  async handedUpToMinutes(caseId: string, documentId: string): Promise<string> {
    const [row] = await this.db.query<{ handed: string }[]>(
      `SELECT coalesce(sum(area), 0)::text AS handed FROM handovers
       WHERE case_id = $1 AND recorded_at <= (SELECT max(recorded_at) FROM handovers WHERE minutes_document_id = $2)`,
      [caseId, documentId],
    );
    return row.handed;
  }
}
