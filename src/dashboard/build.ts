/**
 * Builds the store managers' dashboard (src/dashboard/app) with Vite into .data/dashboard.
 * `tenpo start` calls ensureDashboardBuilt, so a fresh checkout serves the dashboard without a
 * separate step; the build is skipped while a stamp of the sources says the output is current.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Logger } from '../log.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DASHBOARD_SOURCE = join(REPO_ROOT, 'src/dashboard/app');
export const DASHBOARD_DIR = join(REPO_ROOT, '.data/dashboard');
const STAMP = '.stamp';

/** Server modules the app imports (browser-safe, dependency-free): their changes rebuild it too. */
export const SHARED_SOURCES = ['src/locations/model.ts', 'src/reviews/replyText.ts'].map((f) => join(REPO_ROOT, f));

/** The packages whose version changes what the build outputs. */
const BUILD_PACKAGES = ['vite', '@vitejs/plugin-react', 'react', 'react-dom', 'chart.js', 'graphql-sse'];

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt)$/;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

function packageVersion(name: string): string {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  try {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'missing';
  }
}

/** A hash of everything the output depends on: the app's sources, this file and the build packages. */
function sourceStamp(): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(DASHBOARD_SOURCE), ...SHARED_SOURCES, fileURLToPath(import.meta.url)]) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of BUILD_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash.digest('hex');
}

async function isCurrent(outDir: string, stamp: string): Promise<boolean> {
  if (!existsSync(join(outDir, 'index.html'))) return false;
  try {
    return (await readFile(join(outDir, STAMP), 'utf8')).trim() === stamp;
  } catch {
    return false;
  }
}

/** Brotli and gzip siblings for text files, so serve.ts answers compressed without working per request. */
async function precompress(dir: string): Promise<void> {
  for (const file of sourceFiles(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = await readFile(file);
    if (body.length < 1024) continue;
    const [br, gzipped] = await Promise.all([
      brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gz(body, { level: 9 }),
    ]);
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gzipped);
  }
}

async function viteBuild(outDir: string): Promise<void> {
  // Loaded here: Vite is only needed when a build runs, not by every process that imports this file.
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: DASHBOARD_SOURCE,
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [react()],
    // Inline, so no PostCSS config found in a parent directory changes the build.
    css: { postcss: { plugins: [] } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsDir: 'assets',
      sourcemap: false,
      reportCompressedSize: false,
      // Modern browsers preload modules natively; the polyfill would be bytes for nothing.
      modulePreload: { polyfill: false },
    },
  });
}

/**
 * Builds into a fresh directory and swaps it in, so a server reading the old build never sees a
 * half-written one. Returns false when the build failed: the API still starts, without the dashboard.
 */
export async function ensureDashboardBuilt(log: Logger, options: { force?: boolean } = {}): Promise<boolean> {
  const stamp = sourceStamp();
  if (!options.force && (await isCurrent(DASHBOARD_DIR, stamp))) {
    log.debug({ dir: DASHBOARD_DIR }, 'dashboard build is current');
    return true;
  }
  const started = Date.now();
  const next = `${DASHBOARD_DIR}.next-${process.pid}`;
  const old = `${DASHBOARD_DIR}.old-${process.pid}`;
  try {
    await mkdir(join(REPO_ROOT, '.data'), { recursive: true });
    await viteBuild(next);
    await precompress(next);
    await writeFile(join(next, STAMP), `${stamp}\n`);
    if (existsSync(DASHBOARD_DIR)) await rename(DASHBOARD_DIR, old);
    await rename(next, DASHBOARD_DIR);
    await rm(old, { recursive: true, force: true });
    log.info({ dir: DASHBOARD_DIR, ms: Date.now() - started }, 'dashboard built');
    return true;
  } catch (err) {
    await rm(next, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(DASHBOARD_DIR)) await rename(old, DASHBOARD_DIR);
    // Another process (a second `tenpo start`, a test) swapped in the same build first.
    if (await isCurrent(DASHBOARD_DIR, stamp)) return true;
    log.error({ err }, 'dashboard build failed: the API runs without the dashboard');
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { log } = await import('../log.ts');
  const ok = await ensureDashboardBuilt(log, { force: process.argv.includes('--force') });
  process.exitCode = ok ? 0 : 1;
}
