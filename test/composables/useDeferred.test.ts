// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
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
});
