// @vitest-environment happy-dom
// Files come in by drop or by the picker, several at once, whatever their names.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import DropZone from '@/components/import/DropZone.vue';

const mountZone = (disabled = false) =>
  mount(DropZone, { props: { disabled }, global: { plugins: [createAppI18n('zh-CN')] } });

describe('DropZone', () => {
  test('dropping files emits all of them, and the zone shows it is ready while dragging', async () => {
    const w = mountZone();
    const files = [new File(['a'], '记录.csv'), new File(['b'], '工作簿.xlsx')];
    await w.trigger('dragover');
    expect(w.classes()).toContain('over');
    expect(w.get('.drop-title').text()).toBe('松开鼠标即可开始读取');
    await w.trigger('drop', { dataTransfer: { files } });
    expect(w.classes()).not.toContain('over');
    expect(w.emitted('files')).toEqual([[files]]);
  });

  test('a disabled zone (while committing) takes nothing', async () => {
    const w = mountZone(true);
    await w.trigger('drop', { dataTransfer: { files: [new File(['a'], 'a.csv')] } });
    expect(w.emitted('files')).toBeUndefined();
    expect(w.get('input[type="file"]').attributes('disabled')).toBeDefined();
  });

  test('the picker accepts several files', () => {
    const input = mountZone().get('input[type="file"]');
    expect(input.attributes('multiple')).toBeDefined();
  });
});
