// Register the elements before the app mounts, so Vue sets `provider` as a property on defined tags.
import 'entry-analytics/define.js';
// Template typings for the tags (GlobalComponents).
import 'entry-analytics/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
