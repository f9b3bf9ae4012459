// A value that follows another after the next paint: for parts of a view below the charts (a long
// table, the links that carry the filters), so that a filter change first draws what the user is
// looking at. The source is not even read before then: a change only marks it stale, so computing
// it (filtering a list, encoding a query) waits for the paint too. The latest value wins when
// several changes come before a paint.
import { ReactiveEffect, shallowRef, type Ref } from 'vue';
import { afterNextPaint } from '@/scheduling';

export function useDeferred<T>(source: Readonly<Ref<T>>): Readonly<Ref<T>> {
  let waiting = false;
  let stopped = false;
  // An effect, not a watch: a watch reads the source as soon as it may have changed. Made in the
  // component's scope, it stops with it; a paint already awaited then must not run it again.
  const follow = new ReactiveEffect(() => source.value);
  follow.onStop = () => (stopped = true);
  follow.scheduler = () => {
    if (waiting || stopped) return;
    waiting = true;
    void afterNextPaint().then(() => {
      waiting = false;
      if (!stopped) deferred.value = follow.run();
    });
  };
  const deferred = shallowRef(follow.run());
  return deferred;
}
