// Routes of the app. Hash history: the build runs as static files under any path, where no
// server rewrites deep links to index.html. The record key travels base64url-encoded (UTF-8), so
// any agency or project name, separators included, survives copy and paste.
import {
  createRouter,
  createWebHashHistory,
  type RouteLocationRaw,
  type RouterHistory,
  type LocationQueryRaw,
} from 'vue-router';
import OverviewView from '@/views/OverviewView.vue';

// The overview is where a leader lands; every other view is a chunk of its own, so the first load
// fetches and compiles only what the overview draws (the data page alone brings the import, report
// and workbook UI). The chunks are fetched when the page is first idle (prefetchViews), so that
// opening a view later does not wait for the network either.
const ExecutionView = () => import('@/views/ExecutionView.vue');
const CarryoverView = () => import('@/views/CarryoverView.vue');
const ScoresView = () => import('@/views/ScoresView.vue');
const CompareView = () => import('@/views/CompareView.vue');
const WarningsView = () => import('@/views/WarningsView.vue');
const RecordView = () => import('@/views/RecordView.vue');
const DataView = () => import('@/views/DataView.vue');
const FormatView = () => import('@/views/FormatView.vue');

/** Fetches (and compiles) every view's chunk; the router then finds them loaded. */
export function prefetchViews(): Promise<unknown> {
  return Promise.all(
    [ExecutionView, CarryoverView, ScoresView, CompareView, WarningsView, RecordView, DataView, FormatView].map((v) =>
      v().catch(() => undefined),
    ),
  );
}

export function encodeKeyParam(key: string): string {
  const bytes = new TextEncoder().encode(key);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The record key of a URL parameter, or null when it is not one we wrote. */
export function decodeKeyParam(param: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(param)) return null;
  try {
    const b64 = param.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function recordLocation(key: string, query: LocationQueryRaw = {}): RouteLocationRaw {
  return { name: 'record', params: { key: encodeKeyParam(key) }, query };
}

export const VIEW_NAMES = ['overview', 'execution', 'carryover', 'scores', 'warnings', 'compare'] as const;

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: (to) => ({ path: '/overview', query: to.query }) },
      { path: '/overview', name: 'overview', component: OverviewView },
      { path: '/execution', name: 'execution', component: ExecutionView },
      { path: '/carryover', name: 'carryover', component: CarryoverView },
      { path: '/scores', name: 'scores', component: ScoresView },
      { path: '/warnings', name: 'warnings', component: WarningsView },
      { path: '/compare', name: 'compare', component: CompareView },
      // `key` is reserved in Vue, so the view gets the parameter as `param`.
      {
        path: '/record/:key',
        name: 'record',
        component: RecordView,
        props: (to) => ({ param: String(to.params.key ?? '') }),
      },
      { path: '/data', name: 'data', component: DataView },
      { path: '/format', name: 'format', component: FormatView },
      { path: '/:rest(.*)*', redirect: '/overview' },
    ],
    // A filter change keeps the scroll position; a new view starts at the top.
    scrollBehavior: (to, from, saved) => saved ?? (to.path !== from.path ? { top: 0 } : false),
  });
}
