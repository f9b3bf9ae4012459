// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useGrowingCount } from '@/composables/useGrowingCount';

describe('a count that grows a step per paint up to the list', () => {
  test('shows the first items at once, then grows by steps to the whole list', async () => {
    const scope = effectScope();
    const total = ref(25);
    const seen: number[] = [];
    const shown = scope.run(() => useGrowingCount(() => total.value, 10, 6))!;
    seen.push(shown.value);
    await vi.waitFor(() => {
      if (seen.at(-1) !== shown.value) seen.push(shown.value);
      expect(shown.value).toBe(25);
    });
    expect(seen[0]).toBe(10);
    // Every value on the way is a step apart (some may have been passed between two looks).
    for (const v of seen.slice(1, -1)) expect((v - 10) % 6).toBe(0);
    scope.stop();
  });

  test('a short list shows whole at once; a list that shrinks is cut; one that grows goes on growing', async () => {
    const scope = effectScope();
    const total = ref(3);
    const shown = scope.run(() => useGrowingCount(() => total.value, 10, 5))!;
    expect(shown.value).toBe(3);
    total.value = 2;
    await nextTick();
    expect(shown.value).toBe(2);
    total.value = 30;
    await nextTick();
    await vi.waitFor(() => expect(shown.value).toBe(30));
    scope.stop();
  });

  test('starts again from the first items when a new list comes', async () => {
    const scope = effectScope();
    const list = ref({ id: 1 });
    const shown = scope.run(() =>
      useGrowingCount(
        () => 3,
        0,
        1,
        () => list.value,
      ),
    )!;
    expect(shown.value).toBe(0);
    await vi.waitFor(() => expect(shown.value).toBe(3));
    list.value = { id: 2 };
    await nextTick();
    expect(shown.value).toBe(0);
    await vi.waitFor(() => expect(shown.value).toBe(3));
    scope.stop();
  });

  test('stops growing once its scope is gone', async () => {
    const scope = effectScope();
    const shown = scope.run(() => useGrowingCount(() => 100, 10, 10))!;
    scope.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(shown.value).toBe(10);
  });
});
