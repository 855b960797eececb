/// <reference types="vitest/config" />
import { playwright } from '@vitest/browser-playwright';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appManifest } from './src/manifest.ts';

// An installed Chrome or Chromium, never a Playwright download; the flags work
// as root with no network. (The e2e tests launch it the same way.)
import { chromiumArgs, chromiumPath } from './tests/setup/chromium.ts';

/**
 * The built-in library, compiled at build time: `virtual:aquajog-library` is
 * the cards the library page shows (titles, totals, summaries, notes, sources,
 * tags), so the first page carries no workout language. The workout page and
 * the timer compile the files themselves (src/app/library/library.ts), on demand.
 */
function builtInLibrary(): Plugin {
  const id = 'virtual:aquajog-library';
  const resolved = `\0${id}`;
  const dir = fileURLToPath(new URL('./workouts/', import.meta.url));
  return {
    name: 'aquajog-library',
    resolveId: (source) => (source === id ? resolved : null),
    async load(source) {
      if (source !== resolved) return null;
      // Through Vite's module runner, like app code (the config itself stays free of the app's imports).
      const { module } = await runnerImport<typeof import('./src/app/library/library-compile.ts')>('./src/app/library/library-compile.ts', {
        configFile: false,
      });
      const { cardOf, loadLibrary } = module;
      const files: Record<string, string> = {};
      for (const name of readdirSync(dir)
        .filter((n) => n.endsWith('.workout'))
        .sort()) {
        this.addWatchFile(`${dir}${name}`);
        files[`/workouts/${name}`] = readFileSync(`${dir}${name}`, 'utf8');
      }
      return `export default ${JSON.stringify(loadLibrary(files).map(cardOf))};`;
    },
  };
}

/**
 * The service worker: precache the whole app (shell, code, bundled library,
 * icons) so it runs with no connectivity; no runtime fetch of anything. Updates
 * wait for the user (`prompt`), through src/platform/sw-bridge.ts.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: appManifest,
  pwaAssets: {
    image: 'public/favicon.svg',
    // One source image; every icon size is made from it at build time.
    preset: {
      transparent: { sizes: [64, 192, 512], favicons: [[48, 'favicon.ico']] },
      maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: '#0a4f96' } },
      apple: { sizes: [180], padding: 0.3, resizeOptions: { background: '#0a4f96' } },
    },
    overrideManifestIcons: true,
    injectThemeColor: false,
  },
  workbox: {
    // The manifest is added by the plugin itself; listing a file twice makes
    // workbox refuse the whole precache list.
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
    // Install-dialog screenshots are fetched by the browser's install UI, online; the app never shows them.
    globIgnores: ['screenshots/**'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // No runtime caching: everything the app needs is precached.
    runtimeCaching: [],
  },
});

/** Shown in Settings; a build can be told apart from the next one (and tests check updates with it). */
const buildId = process.env['AQUAJOG_BUILD_ID'] || new Date().toISOString().slice(0, 16).replace('T', ' ');

/**
 * `--mode phone` (npm run start:phone): serve the build over HTTPS on the local
 * network with a self-signed certificate, since service workers and installing
 * need a secure origin on a phone.
 */
export default defineConfig(({ mode }) => ({
  ...(mode === 'phone' ? { preview: { host: true } } : {}),
  define: {
    __APP_VERSION__: JSON.stringify(`${process.env['npm_package_version'] ?? '0.1.0'} (${buildId})`),
  },
  // The PWA plugin only for builds and the dev server; tests import components directly.
  plugins: [builtInLibrary(), ...(process.env['VITEST'] ? [] : mode === 'phone' ? [pwa, basicSsl({ name: 'aquajog-local' })] : [pwa])],
  build: {
    // AQUAJOG_OUT_DIR lets two checkouts' worth of work build and preview side by side.
    outDir: process.env['AQUAJOG_OUT_DIR'] || 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    // One process for the run; each project below picks its files and environment.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.ts', 'tests/e2e/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          setupFiles: ['tests/setup/browser.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
            }),
            instances: [{ browser: 'chromium' }],
            // Phone width, so the tests see the layout people use most.
            viewport: { width: 390, height: 844 },
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/preview-server.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
}));
