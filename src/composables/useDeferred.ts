// A value that follows another after the next paint: for parts of a view below the charts (a long
// table), so that a filter change first draws what the user is looking at. The latest value wins
// when several changes come before a paint.
import { shallowRef, watch, type Ref } from 'vue';
import { afterNextPaint } from '@/scheduling';

export function useDeferred<T>(source: Readonly<Ref<T>>): Readonly<Ref<T>> {
  const deferred = shallowRef(source.value);
  let waiting = false;
  watch(source, () => {
    if (waiting) return;
    waiting = true;
    void afterNextPaint().then(() => {
      waiting = false;
      deferred.value = source.value;
    });
  });
  return deferred;
}
