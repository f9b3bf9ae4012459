// A value that follows another after the next paint: for parts of a view below the charts (a long
// table, the links that carry the filters), so that a filter change first draws what the user is
// looking at. The source is not even read before then: a change only marks it stale, so computing
// it (filtering a list, encoding a query) waits for the paint too. The latest value wins when
// several changes come before a paint.
import { effect, getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue';
import { afterNextPaint } from '@/scheduling';

export function useDeferred<T>(source: Readonly<Ref<T>>): Readonly<Ref<T>> {
  let waiting = false;
  let disposed = false;
  // An effect, not a watch: a watch reads the source as soon as it may have changed.
  const follow = effect(() => source.value, {
    scheduler() {
      if (waiting || disposed) return;
      waiting = true;
      void afterNextPaint().then(() => {
        waiting = false;
        if (!disposed) deferred.value = follow();
      });
    },
  });
  const deferred = shallowRef(follow());
  // The effect belongs to the component's scope and stops with it; a paint already awaited must
  // not run it again.
  if (getCurrentScope()) onScopeDispose(() => (disposed = true));
  return deferred;
}
