import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier/flat';

// The layers of src/ (see src/*/README.md): data flows domain → db → workers/stores → charts →
// composables → components/views, and each folder may import only what lies below it. One config
// object per folder, since a later object's rule replaces an earlier one's for the same file.
const UI_PACKAGES = ['vue', 'vue-*', 'pinia', '@vueuse/*', 'echarts', 'echarts/*', 'vue-router'];
const DEXIE = { group: ['dexie', 'dexie/*'], message: 'Only src/db imports Dexie; go through a store (src/stores).' };
const folders = (...names) => names.flatMap((n) => [`@/${n}`, `@/${n}/*`]);
const layer = (files, ...groups) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups }] },
});
const layers = [
  // A relative import may not climb out of src/domain, whatever the depth of the importing file.
  ...['*.ts', '*/*.ts', '*/*/*.ts'].map((depth, i) =>
    layer([`src/domain/${depth}`], {
      group: ['@/*', '!@/domain', '!@/domain/*', `${'../'.repeat(i + 1)}*`, 'dexie', ...UI_PACKAGES],
      message: 'src/domain imports only src/domain and pure libraries: it runs in Node too.',
    }),
  ),
  layer(['src/db/**'], {
    group: [...folders('stores', 'workers', 'charts', 'composables', 'components', 'views', 'i18n'), ...UI_PACKAGES],
    message: 'src/db uses src/domain only.',
  }),
  layer(
    ['src/workers/**'],
    {
      group: [...folders('stores', 'charts', 'composables', 'components', 'views', 'i18n'), ...UI_PACKAGES],
      message: 'The import worker uses src/domain and src/db only.',
    },
    DEXIE,
  ),
  layer(
    ['src/charts/**'],
    {
      group: [...folders('db', 'workers', 'stores', 'composables', 'components', 'views'), 'vue', 'vue-*', 'pinia'],
      message: 'Option builders are pure: data in, option out.',
    },
    DEXIE,
  ),
  layer(
    ['src/i18n/**'],
    {
      group: [...folders('db', 'workers', 'stores', 'composables', 'components', 'views')],
      message: 'src/i18n holds words and formats only.',
    },
    DEXIE,
  ),
  layer(
    ['src/stores/**'],
    { group: folders('composables', 'components', 'views'), message: 'Stores sit below the components.' },
    DEXIE,
  ),
  // Components and views reach the database through the stores; types from src/db are fine.
  layer(
    ['src/components/**', 'src/views/**', 'src/composables/**'],
    {
      group: folders('db', 'workers'),
      message: 'Components use the stores, not src/db or the worker (type imports are allowed).',
      allowTypeImports: true,
    },
    DEXIE,
  ),
  layer(['src/*.ts', 'src/*.vue'], DEXIE),
];

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'public/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
    },
  },
  {
    rules: {
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
  prettier,
];
