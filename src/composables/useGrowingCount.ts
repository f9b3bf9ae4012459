// How many items of a long list to draw: `first` at once, then `step` more after each paint until
// all are drawn. Three hundred forms' lines built in one task held the page for 100 ms; this way
// the first lines show at once and no task builds more than a screenful or two.
import { onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { afterNextPaint } from '@/scheduling';

/** `restartOn`: when what it returns changes (a new list), the count starts again from `first`. */
export function useGrowingCount(
  total: () => number,
  first = 40,
  step = 60,
  restartOn?: () => unknown,
): Readonly<Ref<number>> {
  const shown = shallowRef(Math.min(first, total()));
  let growing = false;
  let stopped = false;
  async function grow(): Promise<void> {
    if (growing) return;
    growing = true;
    while (!stopped && shown.value < total()) {
      await afterNextPaint();
      if (!stopped) shown.value = Math.min(total(), shown.value + step);
    }
    growing = false;
  }
  // A shorter list shows whole; a longer one goes on growing.
  watch(total, (n) => {
    if (shown.value > n) shown.value = n;
    void grow();
  });
  if (restartOn)
    watch(restartOn, () => {
      shown.value = Math.min(first, total());
      void grow();
    });
  void grow();
  onScopeDispose(() => (stopped = true));
  return shown;
}
