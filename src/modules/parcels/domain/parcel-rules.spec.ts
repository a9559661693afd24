import { describe, expect, it } from '@jest/globals';
import { checkParcelAreas } from './parcel-rules.js';

const base = { legalArea: null, landUses: [] as { landTypeCode: string; area: string; recoveredArea: string }[] };

describe('checkParcelAreas', () => {
  it.each([
    ['whole parcel recovered', '9222.1', '9222.1', []],
    ['part recovered', '9222.1', '0.5', []],
    ['nothing recovered', '9222.1', '0', ['PARCEL.RECOVERED_AREA_NOT_POSITIVE']],
    ['more than the parcel by 0.0001 m²', '9222.1', '9222.1001', ['PARCEL.RECOVERED_AREA_EXCEEDS_PARCEL']],
    ['zero-area parcel', '0', '0', ['PARCEL.AREA_NOT_POSITIVE', 'PARCEL.RECOVERED_AREA_NOT_POSITIVE']],
  ])('%s', (_n, measuredArea, recoveredArea, codes) => {
    expect(checkParcelAreas({ ...base, measuredArea, recoveredArea }).map((f) => f.code)).toEqual(codes);
  });

  it('says the figures in Vietnamese format', () => {
    const [f] = checkParcelAreas({ ...base, measuredArea: '9222', recoveredArea: '9322.5' });
    expect(f.message).toBe('Diện tích thu hồi (9.322,5 m²) lớn hơn diện tích thửa đất (9.222 m²).');
  });

  it('checks that land uses add up to the parcel and its recovered area', () => {
    const ok = checkParcelAreas({
      ...base,
      measuredArea: '500',
      recoveredArea: '300',
      landUses: [
        { landTypeCode: 'ONT', area: '200', recoveredArea: '100' },
        { landTypeCode: 'CLN', area: '300', recoveredArea: '200' },
      ],
    });
    expect(ok).toEqual([]);
    const bad = checkParcelAreas({
      ...base,
      measuredArea: '500',
      recoveredArea: '300',
      landUses: [
        { landTypeCode: 'ONT', area: '200', recoveredArea: '250' },
        { landTypeCode: 'CLN', area: '200', recoveredArea: '100' },
      ],
    });
    expect(bad.map((f) => f.code)).toEqual([
      'PARCEL.LAND_USES_AREA_MISMATCH',
      'PARCEL.LAND_USES_RECOVERED_MISMATCH',
      'PARCEL.RECOVERED_AREA_EXCEEDS_PARCEL',
    ]);
  });
});
