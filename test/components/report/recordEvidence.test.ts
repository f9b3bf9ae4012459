// @vitest-environment happy-dom
// The record view's words of a report: the findings with the problems and recommendations first,
// and a figure's evidence with its corrected and disputed marks; text from the file stays text.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import RecordFindings from '@/components/report/RecordFindings.vue';
import EvidenceNote from '@/components/report/EvidenceNote.vue';
import type { FindingRow } from '@/domain/types';
import { testApp } from '../setup';

const KEY = { agency: '北京市示例中心', year: 2023, scope: 'department' as const, project: '' };
const finding = (kind: FindingRow['kind'], seq: number, text: string, evidence = ''): FindingRow => ({
  ...KEY,
  kind,
  seq,
  text,
  source: '',
  evidence,
});

describe('record findings', () => {
  test('problems and recommendations come first, each kind in its order, with the place of each point', async () => {
    const app = await testApp();
    const w = mount(RecordFindings, {
      props: {
        findings: [
          finding('conclusion', 1, '评价得分93.20分。'),
          finding('recommendation', 2, '加强成本核算。'),
          // As the importer writes it: the agency's and year's places first, then the point's own.
          finding(
            'problem',
            1,
            '<b>目标不够细化</b>',
            '单位名称: 第1段「北京市示例中心」\n年度: 第2段「2023年」\n内容: 第12段「目标不够细化」',
          ),
          finding('recommendation', 1, '细化绩效目标。'),
          finding('outcome', 1, '服务企业200家。'),
        ],
      },
      global: { plugins: app.plugins },
    });
    expect(w.findAll('[data-finding-kind]').map((s) => s.attributes('data-finding-kind'))).toEqual([
      'problem',
      'recommendation',
      'conclusion',
      'outcome',
    ]);
    expect(w.find('[data-finding-kind="problem"] h3').text()).toBe('存在的问题');
    expect(w.findAll('[data-finding-kind="recommendation"] li').map((l) => l.text())).toEqual([
      '细化绩效目标。',
      '加强成本核算。',
    ]);
    const problem = w.find('[data-finding-kind="problem"] li');
    expect(problem.text()).toContain('<b>目标不够细化</b>');
    expect(problem.find('b').exists()).toBe(false);
    expect(problem.find('.place').text()).toBe('第12段');
  });

  test('a figure’s evidence says where it was read, what it was corrected from and why, and what else the report states', async () => {
    const app = await testApp();
    const w = mount(EvidenceNote, {
      props: {
        entry: {
          field: 'execution_rate',
          location: '第2段',
          text: '预算执行率为96.92%',
          derived: true,
          corrected: { from: '96.92', reason: '按决算数' },
          disputed: [{ value: '98.93', location: '第5段', text: '执行率98.93%' }],
        },
      },
      global: { plugins: app.plugins },
    });
    expect(w.text()).toContain('第2段');
    expect(w.text()).toContain('预算执行率为96.92%');
    expect(w.find('[data-testid="evidence-corrected"]').text()).toContain('96.92');
    expect(w.find('[data-testid="evidence-corrected"]').text()).toContain('按决算数');
    expect(w.find('[data-testid="evidence-disputed"]').text()).toContain('98.93');
    expect(w.find('[data-testid="evidence-disputed"]').text()).toContain('第5段');
  });
});
