import { Decimal } from 'decimal.js';
import { formatArea } from '../../../shared/vn-words.js';

export interface ParcelAreas {
  legalArea: string | null;
  measuredArea: string;
  recoveredArea: string;
  landUses: { landTypeCode: string; area: string; recoveredArea: string }[];
}

export interface Finding {
  field: string;
  code: string;
  message: string;
}

/**
 * Area rules of a parcel (thửa đất). The parcel area is the measured area (đo đạc thực tế, NĐ 88 Đ6); what is
 * recovered must be more than zero and no more than it. Land uses inside one parcel must add up.
 */
export function checkParcelAreas(p: ParcelAreas): Finding[] {
  const findings: Finding[] = [];
  const measured = new Decimal(p.measuredArea);
  const recovered = new Decimal(p.recoveredArea);
  if (measured.lte(0)) {
    findings.push({
      field: 'measuredArea',
      code: 'PARCEL.AREA_NOT_POSITIVE',
      message: 'Diện tích đo đạc phải lớn hơn 0 m².',
    });
  }
  if (recovered.lte(0)) {
    findings.push({
      field: 'recoveredArea',
      code: 'PARCEL.RECOVERED_AREA_NOT_POSITIVE',
      message: 'Diện tích thu hồi phải lớn hơn 0 m².',
    });
  }
  if (recovered.gt(measured)) {
    findings.push({
      field: 'recoveredArea',
      code: 'PARCEL.RECOVERED_AREA_EXCEEDS_PARCEL',
      message: `Diện tích thu hồi (${fmt(recovered)} m²) lớn hơn diện tích thửa đất (${fmt(measured)} m²).`,
    });
  }
  if (p.landUses.length > 0) {
    const sumArea = p.landUses.reduce((s, u) => s.plus(u.area), new Decimal(0));
    const sumRecovered = p.landUses.reduce((s, u) => s.plus(u.recoveredArea), new Decimal(0));
    if (!sumArea.eq(measured)) {
      findings.push({
        field: 'landUses',
        code: 'PARCEL.LAND_USES_AREA_MISMATCH',
        message: `Tổng diện tích các loại đất (${fmt(sumArea)} m²) khác diện tích thửa (${fmt(measured)} m²).`,
      });
    }
    if (!sumRecovered.eq(recovered)) {
      findings.push({
        field: 'landUses',
        code: 'PARCEL.LAND_USES_RECOVERED_MISMATCH',
        message: `Tổng diện tích thu hồi theo loại đất (${fmt(sumRecovered)} m²) khác diện tích thu hồi của thửa (${fmt(recovered)} m²).`,
      });
    }
    p.landUses.forEach((u, i) => {
      if (new Decimal(u.recoveredArea).gt(u.area)) {
        findings.push({
          field: `landUses.${i}.recoveredArea`,
          code: 'PARCEL.RECOVERED_AREA_EXCEEDS_PARCEL',
          message: `Diện tích thu hồi đất ${u.landTypeCode} lớn hơn diện tích loại đất đó.`,
        });
      }
    });
  }
  return findings;
}

/** Vietnamese display of an area: "9.322,5". */
const fmt = (d: Decimal): string => formatArea(d.toFixed());
