import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'entry-analytics/vue';

// The library's tags are custom elements, not Vue components.
export default defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] });
