// Entry point: Pinia, the router, vue-i18n (zh-CN by default), then the data store starts reading
// IndexedDB (loading the built-in dataset on first start).
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter, prefetchViews } from './router';
import { createAppI18n } from '@/i18n';
import { useDataStore } from '@/stores/data';
import { useImportStore } from '@/stores/import';
import { afterNextPaint, whenIdle } from '@/scheduling';
import '@/styles/main.css';

const app = createApp(App);
const pinia = createPinia();
const i18n = createAppI18n();
app.use(pinia).use(createAppRouter()).use(i18n);
document.documentElement.lang = i18n.global.locale.value;
// The database opens while the app mounts (its first render does not need the data).
const data = useDataStore(pinia);
const started = data.start();
app.mount('#app');
// Then the data published beside the app (data/manifest.json), if the deployment has any: once
// the stored data has been shown, so that checking the published files (fetching them, a worker
// reading them) does not share the two cores with the first charts.
const shown = started.then(() => data.loaded()).then(afterNextPaint);
void shown.then(() => useImportStore(pinia).syncPublished());
// The other views' chunks, once the first view is drawn and the page is idle.
void shown.then(() => whenIdle(() => void prefetchViews(), 3000));
