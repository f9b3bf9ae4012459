// Entry point: mounts the app with Pinia. The app shell (router, i18n, views) grows from here.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';

createApp(App).use(createPinia()).mount('#app');
