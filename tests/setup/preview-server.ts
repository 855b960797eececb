/**
 * Global setup for the e2e project: serves the production build (`dist/`,
 * built before the tests by `npm test`) with `vite preview` on a free port,
 * and gives its URL to the tests as `inject('previewUrl')`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, e.g. `http://127.0.0.1:41234`. */
    previewUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = process.env['AQUAJOG_OUT_DIR'] || 'dist';
  if (!existsSync(`${root}/${outDir}/index.html`)) {
    throw new Error(`No production build in ${outDir}/: run \`npx vite build\` first (npm test does).`);
  }
  const server = await preview({
    root,
    configFile: `${root}/vite.config.ts`,
    logLevel: 'warn',
    // Port 0: the system picks a free port, so parallel runs never collide.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not listen on a TCP port (${String(address)})`);
  }
  project.provide('previewUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server.close();
  };
}
