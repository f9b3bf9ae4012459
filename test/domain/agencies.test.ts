// The registry's names as the charts show them: a known agency however it is written, any other
// as stored, the same answer every time it is asked.
import { describe, expect, test } from 'vitest';
import { agencyRegion, agencyShortName, canonicalAgency, findAgency } from '@/domain/agencies';

describe('agency names', () => {
  test('a known agency under its official name, an alias or a variant writing', () => {
    expect(agencyShortName('中国国际贸易促进委员会北京市分会')).toBe('北京市贸促会');
    expect(agencyShortName('北京 贸促会')).toBe('北京市贸促会');
    expect(canonicalAgency('渝中招商局')).toBe('重庆市渝中区招商投资促进局');
    expect(agencyRegion('朝阳投促中心')).toBe('北京市朝阳区');
  });

  test('any other name is shown as stored, also when asked again and past the names kept', () => {
    expect(agencyShortName('临江区第一中学')).toBe('临江区第一中学');
    for (let i = 0; i < 25_000; i++) expect(agencyShortName(`临江区单位${i}`)).toBe(`临江区单位${i}`);
    expect(agencyShortName('临江区第一中学')).toBe('临江区第一中学');
    expect(agencyShortName('中国国际贸易促进委员会北京市分会')).toBe('北京市贸促会');
    // Names from files never reach Object.prototype.
    expect(agencyShortName('constructor')).toBe('constructor');
    expect(agencyShortName('__proto__')).toBe('__proto__');
    expect(findAgency('toString')).toBeUndefined();
  });
});
