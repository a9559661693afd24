/**
 * "Số: 05/QĐ-UBND" (NĐ 30/2020 Phụ lục I): numbers below 10 take a leading zero; "/" between number and symbol,
 * "-" between the type code and the issuing body's abbreviation, no spaces.
 */
export function formatNumber(n: number, typeCode: string, agencyShortName: string): string {
  return `${String(n).padStart(2, '0')}/${typeCode}-${agencyShortName}`;
}
