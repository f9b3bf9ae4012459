import { describe, expect, test } from 'vitest';
import { compareZh } from '@/domain/collate';

describe('compareZh', () => {
  test('orders as localeCompare with zh-CN does (pinyin), for agency names, Latin and empty text', () => {
    const names = ['市财政局', '市教育局', '区卫生健康委员会', '安徽省', '北京市', 'Zeta', 'alpha', '', '市财政局'];
    const byCollator = [...names].sort(compareZh);
    const byLocale = [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(byCollator).toEqual(byLocale);
    // 安 (an) before 北 (bei) before 市 (shi): pinyin, not code points.
    expect(byCollator.indexOf('安徽省')).toBeLessThan(byCollator.indexOf('北京市'));
    expect(byCollator.indexOf('北京市')).toBeLessThan(byCollator.indexOf('市财政局'));
    expect(compareZh('市财政局', '市财政局')).toBe(0);
  });
});
