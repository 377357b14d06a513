/**
 * Serves the built dashboard (see build.ts) from memory: the whole build is a few hundred
 * kilobytes, so it is read once and answered without touching the disk per request. Only files
 * found by walking the directory can be served, which rules out path traversal by construction.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

interface Variant {
  body: Buffer;
  etag: string;
}

interface StaticFile {
  type: string;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

interface Site {
  /** index.html's identity on disk: a rebuild swaps the directory, so it changes. */
  marker: string;
  files: Map<string, StaticFile>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Same-origin only. Images and videos are the exception: review photos and author avatars are
 * hosted by the platforms (https only).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';

const sites = new Map<string, Site>();

function variant(body: Buffer, suffix = ''): Variant {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}${suffix}"` };
}

/** Relative paths with "/" separators; symlinks and dotfiles (the build stamp) are left out. */
function walk(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...walk(dir, rel));
    else if (entry.isFile()) found.push(rel);
  }
  return found;
}

function markerOf(dir: string): string | null {
  try {
    const s = statSync(join(dir, 'index.html'));
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
}

function loadSite(dir: string, marker: string): Site {
  const names = walk(dir);
  const present = new Set(names);
  const files = new Map<string, StaticFile>();
  for (const name of names) {
    // Precompressed siblings written by the build ride along with their original.
    if ((name.endsWith('.br') || name.endsWith('.gz')) && present.has(name.slice(0, -3))) continue;
    const file: StaticFile = {
      type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      identity: variant(readFileSync(join(dir, name))),
    };
    if (present.has(`${name}.br`)) file.br = variant(readFileSync(join(dir, `${name}.br`)), '-br');
    if (present.has(`${name}.gz`)) file.gzip = variant(readFileSync(join(dir, `${name}.gz`)), '-gz');
    files.set(`/${name}`, file);
  }
  return { marker, files };
}

function siteFor(dir: string): Site | null {
  const marker = markerOf(dir);
  if (marker === null) return null;
  const cached = sites.get(dir);
  if (cached?.marker === marker) return cached;
  const site = loadSite(dir, marker);
  sites.set(dir, site);
  return site;
}

function accepts(req: IncomingMessage, coding: string): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== coding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function send(req: IncomingMessage, res: ServerResponse, file: StaticFile, cacheControl: string): void {
  const compressible = file.br !== undefined || file.gzip !== undefined;
  let chosen = file.identity;
  let encoding: string | undefined;
  if (file.br && accepts(req, 'br')) [chosen, encoding] = [file.br, 'br'];
  else if (file.gzip && accepts(req, 'gzip')) [chosen, encoding] = [file.gzip, 'gzip'];
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'cache-control': cacheControl,
    etag: chosen.etag,
  };
  if (compressible) headers.vary = 'accept-encoding';
  if (matchesEtag(req, chosen.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['content-type'] = file.type;
  headers['content-length'] = chosen.body.length;
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : chosen.body);
}

function sendStatus(req: IncomingMessage, res: ServerResponse, status: 400 | 404): void {
  const body = status === 404 ? 'Not found\n' : 'Bad request\n';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A path that names a file rather than a screen of the app, and so is never answered with
 * index.html: anything under /assets/, or a top-level name with an extension (favicon.ico).
 * App routes may hold ids with dots (/stores/<id>), so deeper paths are screens.
 */
function looksLikeFile(path: string): boolean {
  if (path.startsWith('/assets/')) return true;
  const rest = path.slice(1);
  return !rest.includes('/') && rest.includes('.');
}

/**
 * Answers GET and HEAD for the dashboard built into `dir`: files by path, and index.html for any
 * other path so the app's own routes survive a reload. Returns false, without answering, for
 * other methods or when no build is there, so the caller can answer as it would otherwise.
 */
export function serveDashboard(req: IncomingMessage, res: ServerResponse, dir: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const site = siteFor(dir);
  if (!site) return false;
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    sendStatus(req, res, 400);
    return true;
  }
  const index = site.files.get('/index.html');
  if (!index) return false;
  if (path === '/' || path === '/index.html') {
    send(req, res, index, 'no-cache');
    return true;
  }
  if (looksLikeFile(path) || path.includes('\\') || path.includes('\0')) {
    const file = site.files.get(path);
    if (!file) sendStatus(req, res, 404);
    else send(req, res, file, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return true;
  }
  send(req, res, index, 'no-cache');
  return true;
}
