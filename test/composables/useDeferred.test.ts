// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { computed, effectScope, nextTick, ref } from 'vue';
import { useDeferred } from '@/composables/useDeferred';

describe('a value that follows another after the next paint', () => {
  test('keeps the old value until then, then takes the latest of several changes', async () => {
    const scope = effectScope();
    const source = ref(1);
    const deferred = scope.run(() => useDeferred(source))!;
    expect(deferred.value).toBe(1);
    source.value = 2;
    await nextTick();
    source.value = 3;
    await nextTick();
    expect(deferred.value).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(deferred.value).toBe(3);
    source.value = 4;
    await nextTick();
    await new Promise((r) => setTimeout(r, 150));
    expect(deferred.value).toBe(4);
    scope.stop();
  });

  test('does not compute the source before the paint, and once for several changes', async () => {
    const scope = effectScope();
    const source = ref(1);
    let computedTimes = 0;
    const doubled = computed(() => {
      computedTimes++;
      return source.value * 2;
    });
    const deferred = scope.run(() => useDeferred(doubled))!;
    expect(deferred.value).toBe(2);
    const before = computedTimes;
    source.value = 2;
    source.value = 3;
    await nextTick();
    expect(computedTimes).toBe(before);
    await new Promise((r) => setTimeout(r, 150));
    expect(deferred.value).toBe(6);
    expect(computedTimes).toBe(before + 1);
    scope.stop();
  });

  test('stops following once its scope is gone', async () => {
    const scope = effectScope();
    const source = ref(1);
    const deferred = scope.run(() => useDeferred(source))!;
    source.value = 2;
    await nextTick();
    // Gone while the paint is awaited.
    scope.stop();
    await new Promise((r) => setTimeout(r, 150));
    source.value = 3;
    await new Promise((r) => setTimeout(r, 150));
    expect(deferred.value).toBe(1);
  });
});
