// A long list inside its own scrolling pane, drawn a window at a time: only the items near the
// viewport are in the page (a 45-page report has thousands of highlighted figures and field lines,
// which took a second and more to create at once). Items have heights of their own, measured once
// drawn (@tanstack/vue-virtual). Some items are always drawn, wherever the pane is scrolled: the
// ones the caller keeps (the selected figure, a value being edited) and the one holding the
// keyboard focus, so that focus is never lost to an item leaving the page. For printing, every
// item is drawn in the normal flow.
import { defaultRangeExtractor, useVirtualizer, type VirtualItem } from '@tanstack/vue-virtual';
import { computed, nextTick, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export interface VirtualListOptions {
  count: () => number;
  /** The pane that scrolls (overflow: auto). */
  pane: Ref<HTMLElement | null>;
  /** A first guess of an item's height in pixels, before it is measured. */
  estimate: (index: number) => number;
  /** Items drawn whatever the scroll position (indices; out-of-range ones are ignored). */
  keep?: () => readonly (number | null)[];
  /** Items drawn beyond each edge of the viewport. */
  overscan?: number;
}

/** The attribute that names an item's index on its element (what the measuring reads). */
export const INDEX_ATTRIBUTE = 'data-index';

export function useVirtualList(options: VirtualListOptions) {
  /** The index of the item holding the focus, kept drawn while it does. */
  const focused = ref<number | null>(null);
  /** Printing: every item drawn, in the normal flow. */
  const printing = ref(false);

  const virtualizer = useVirtualizer(
    computed(() => {
      const count = options.count();
      const kept = [...(options.keep?.() ?? []), focused.value].filter(
        (i): i is number => i !== null && i >= 0 && i < count,
      );
      return {
        count,
        getScrollElement: () => options.pane.value,
        estimateSize: options.estimate,
        overscan: options.overscan ?? 6,
        indexAttribute: INDEX_ATTRIBUTE,
        rangeExtractor: (range: Parameters<typeof defaultRangeExtractor>[0]) => {
          const shown = defaultRangeExtractor(range);
          if (kept.length === 0) return shown;
          // In index order: the items stand in the page in reading order, as Tab goes through them.
          return [...new Set([...shown, ...kept])].sort((a, b) => a - b);
        },
      };
    }),
  );

  const items = computed<VirtualItem[]>(() => virtualizer.value.getVirtualItems());
  const totalSize = computed(() => virtualizer.value.getTotalSize());

  /**
   * A drawn item's element, measured (and measured again whenever its height changes). Vue hands
   * each element over while it is still inserting the others: measured there and then, every one
   * of them forced a layout of its own. They are measured together once the page is patched.
   */
  const unmeasured = new Set<Element>();
  function measure(el: unknown): void {
    if (!(el instanceof Element)) return;
    if (unmeasured.size === 0) {
      void nextTick(() => {
        const els = [...unmeasured];
        unmeasured.clear();
        for (const e of els) if (e.isConnected) virtualizer.value.measureElement(e);
      });
    }
    unmeasured.add(el);
  }

  /** Scrolls the pane until the item is drawn and in view; resolves once it is in the page. */
  async function reveal(index: number, align: 'center' | 'auto' = 'center'): Promise<HTMLElement | null> {
    const pane = options.pane.value;
    if (!pane || index < 0 || index >= options.count()) return null;
    const find = () => pane.querySelector<HTMLElement>(`[${INDEX_ATTRIBUTE}="${index}"]`);
    if (!printing.value) virtualizer.value.scrollToIndex(index, { align });
    // Items above it measured on the way may move it: a few frames until it is drawn.
    for (let i = 0; i < 10; i++) {
      await nextTick();
      const el = find();
      if (el) return el;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return find();
  }

  function onFocusIn(e: FocusEvent): void {
    const item = (e.target as Element | null)?.closest?.(`[${INDEX_ATTRIBUTE}]`);
    const index = item ? Number(item.getAttribute(INDEX_ATTRIBUTE)) : NaN;
    focused.value = Number.isInteger(index) ? index : null;
  }
  function onFocusOut(e: FocusEvent): void {
    const pane = options.pane.value;
    if (!pane || !(e.relatedTarget instanceof Node) || !pane.contains(e.relatedTarget)) focused.value = null;
  }

  const beforePrint = () => (printing.value = true);
  const afterPrint = () => (printing.value = false);
  // A print preview fires beforeprint; a print stylesheet emulated (or the media changing) does not.
  const printMedia = typeof matchMedia === 'function' ? matchMedia('print') : null;
  const onPrintMedia = (e: MediaQueryListEvent) => (printing.value = e.matches);

  onMounted(() => {
    const pane = options.pane.value;
    pane?.addEventListener('focusin', onFocusIn);
    pane?.addEventListener('focusout', onFocusOut);
    addEventListener('beforeprint', beforePrint);
    addEventListener('afterprint', afterPrint);
    printMedia?.addEventListener('change', onPrintMedia);
    printing.value = printMedia?.matches ?? false;
  });
  onBeforeUnmount(() => {
    const pane = options.pane.value;
    pane?.removeEventListener('focusin', onFocusIn);
    pane?.removeEventListener('focusout', onFocusOut);
    removeEventListener('beforeprint', beforePrint);
    removeEventListener('afterprint', afterPrint);
    printMedia?.removeEventListener('change', onPrintMedia);
  });

  return { items, totalSize, measure, reveal, printing };
}
