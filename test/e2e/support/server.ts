/**
 * A tiny static server for the end-to-end tests: serves test/fixtures on
 * 127.0.0.1, plus the few pages that are easier to generate than to save.
 *
 *   /<fixture>/...          the fixture files as they are
 *   /csp/<fixture>/...      the same, with `Content-Security-Policy: default-src 'none'`
 *   /sandbox/<fixture>/...  the same, with `Content-Security-Policy: sandbox`: an opaque origin, no scripts
 *   /cacheable/<fixture>/... the same, allowed into the back-forward cache (everything else is no-store)
 *   /slow/<fixture>/        the fixture's page in two parts, the second SLOW_PAGE_MS later: a page still loading
 *   /generated/xml          an XML document (application/xml) full of article-like text
 *   /generated/svg          an SVG document (image/svg+xml) with text in it
 *   /generated/frameset     a frameset page whose frames are the two below
 *   /generated/frame-nav, /generated/frame-story
 *   /generated/huge         an HTML page of about 200,000 elements
 *
 * Every request is recorded, so a test can check that nothing but the
 * pages it opened (and their own resources) was asked for. The server is
 * also the browsers' HTTP(S) proxy (see `proxyArgs`/`proxyPrefs`): a request
 * for any other host arrives here as a proxy request, is recorded as
 * `offsite`, and is refused, so traffic that would leave the machine shows
 * up in `requests` whoever made it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export const CSP_HEADER = "default-src 'none'";

/** How long a page under /slow/ keeps the rest of itself back: time for a test to open a popup on it, on a busy machine too. */
export const SLOW_PAGE_MS = 6_000;

/** Elements in /generated/huge (a little more, counting html/head/body). */
export const HUGE_ELEMENT_COUNT = 200_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
};

export interface ServedRequest {
  method: string;
  /** Path and query as asked for; the full URL (or host:port) for a proxy request. */
  path: string;
  status: number;
  /** A request for another host, sent to us as the proxy. */
  offsite: boolean;
}

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The absolute URL of a path on this server ("demo/" or "/demo/"). */
  url(path: string): string;
  /** Every request served so far, in order. */
  requests: ServedRequest[];
  /** Chromium arguments that make this server the proxy for every other host. */
  proxyArgs: string[];
  /** The same for Firefox, as preferences. */
  proxyPrefs: Record<string, unknown>;
  close(): Promise<void>;
}

const XML_DOC = `<?xml version="1.0" encoding="utf-8"?>
<feed>
  <title>World Report: Asia</title>
  <entry>
    <headline>US Confirms Talks with Militant Haqqani Network</headline>
    <body>${'U.S. Secretary of State Hillary Clinton has confirmed that the United States has reached out to the militant Haqqani network. '.repeat(20)}</body>
  </entry>
</feed>
`;

const SVG_DOC = `<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600" viewBox="0 0 800 600">
  <title>Chart: night bus ridership</title>
  <rect width="800" height="600" fill="#f3f1ec"/>
  <text x="20" y="40" font-size="28">Night buses on four routes</text>
  <a xlink:href="#bars"><text x="20" y="80">Skip to the chart</text></a>
  <g id="bars">${Array.from({ length: 12 }, (_, i) => `<rect x="${40 + i * 60}" y="${500 - i * 30}" width="40" height="${i * 30 + 20}" fill="#0b4f8a"/>`).join('')}</g>
  <text x="20" y="580">${'Riders who work late shifts will soon have more ways to get home. '.repeat(3)}</text>
</svg>
`;

const FRAMESET_DOC = `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN" "http://www.w3.org/TR/html4/frameset.dtd">
<html lang="en">
<head><meta charset="utf-8"><title>Frames edition</title></head>
<frameset cols="25%,75%">
  <frame src="/generated/frame-nav" title="Sections">
  <frame src="/generated/frame-story" title="Story">
</frameset>
</html>
`;

const FRAME_NAV = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sections</title></head>
<body><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></body></html>
`;

const FRAME_STORY = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story</title></head>
<body><h1>Transit agency to add night buses on four routes</h1>
${'<p>Riders who work late shifts will soon have more ways to get home: the regional transit agency said Wednesday that it will run buses through the night on four of its busiest routes.</p>\n'.repeat(8)}
</body></html>
`;

/**
 * About 200,000 elements: a masthead, then a long article of paragraphs
 * whose sentences are split into spans (as some sites do for
 * highlighting), then a huge list of teasers.
 */
function hugePage(): string {
  const parts: string[] = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Everything, all at once</title></head><body>',
    '<header><a href="/">The Long Read</a></header>',
    '<article><h1>Everything, all at once</h1>',
  ];
  // 4 elements per paragraph (p + 3 spans): 25,000 paragraphs = 100,000 elements.
  const sentence = 'A sentence of ordinary length about the city council and its budget for the coming year.';
  for (let i = 0; i < 25_000; i++) {
    parts.push(`<p><span>${sentence}</span> <span>${sentence}</span> <span>${i}</span></p>`);
  }
  parts.push('</article><ul>');
  // 4 elements per teaser (li + a + span + b): 25,000 teasers = 100,000 elements.
  for (let i = 0; i < 25_000; i++) {
    parts.push(`<li><a href="/story/${i}"><span>Teaser</span> <b>${i}</b></a></li>`);
  }
  parts.push('</ul></body></html>');
  return parts.join('\n');
}

let hugeCache: string | undefined;

const GENERATED: Record<string, () => { type: string; body: string }> = {
  '/generated/xml': () => ({ type: 'application/xml', body: XML_DOC }),
  '/generated/svg': () => ({ type: 'image/svg+xml', body: SVG_DOC }),
  '/generated/frameset': () => ({ type: 'text/html; charset=utf-8', body: FRAMESET_DOC }),
  '/generated/frame-nav': () => ({ type: 'text/html; charset=utf-8', body: FRAME_NAV }),
  '/generated/frame-story': () => ({ type: 'text/html; charset=utf-8', body: FRAME_STORY }),
  '/generated/huge': () => ({ type: 'text/html; charset=utf-8', body: (hugeCache ??= hugePage()) }),
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/** The page up to its <body> now, the rest after SLOW_PAGE_MS, as a slow site's page arrives. */
function sendSlowly(res: ServerResponse, type: string, body: Buffer, extra: Record<string, string>): void {
  const html = body.toString('utf8');
  const cut = Math.max(html.search(/<body\b/i), 0);
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.write(html.slice(0, cut));
  const timer = setTimeout(() => res.end(html.slice(cut)), SLOW_PAGE_MS);
  res.once('close', () => clearTimeout(timer));
}

function handle(req: IncomingMessage, res: ServerResponse): number {
  if (/^[a-z]+:/i.test(req.url ?? '')) {
    // An absolute URL: someone used us as the proxy for another host.
    send(res, 502, 'text/plain', 'no traffic leaves the test machine');
    return 502;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/favicon.ico') {
    // The browser's own request; answered so it logs no error.
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
    return 204;
  }
  let path = decodeURIComponent(url.pathname);

  const generated = GENERATED[path.replace(/\/$/, '')];
  if (generated) {
    const { type, body } = generated();
    send(res, 200, type, body);
    return 200;
  }

  const headers: Record<string, string> = {};
  if (path.startsWith('/csp/')) {
    headers['Content-Security-Policy'] = CSP_HEADER;
    path = path.slice('/csp'.length);
  }
  if (path.startsWith('/sandbox/')) {
    headers['Content-Security-Policy'] = 'sandbox';
    path = path.slice('/sandbox'.length);
  }
  const slow = path.startsWith('/slow/');
  if (slow) path = path.slice('/slow'.length);
  if (path.startsWith('/cacheable/')) {
    // no-store keeps a page out of the back-forward cache; pages under /cacheable/ may go in it.
    headers['Cache-Control'] = 'no-cache';
    path = path.slice('/cacheable'.length);
  }
  const file = normalize(join(FIXTURES_DIR, path));
  if (file !== FIXTURES_DIR && !file.startsWith(FIXTURES_DIR + sep)) {
    send(res, 403, 'text/plain', 'forbidden');
    return 403;
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      // Relative URLs in the page (photo.jpg, spa.js) resolve against the folder.
      res.writeHead(301, { Location: url.pathname + '/' + url.search });
      res.end();
      return 301;
    }
    const index = join(file, 'index.html');
    if (existsSync(index)) {
      if (slow) sendSlowly(res, TYPES['.html'] as string, readFileSync(index), headers);
      else send(res, 200, TYPES['.html'] as string, readFileSync(index), headers);
      return 200;
    }
  } else if (existsSync(file)) {
    send(res, 200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', readFileSync(file), headers);
    return 200;
  }
  send(res, 404, 'text/plain', 'not found');
  return 404;
}

export async function startServer(): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    let status = 500;
    try {
      status = handle(req, res);
    } catch (error) {
      send(res, 500, 'text/plain', String(error));
    }
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status, offsite: /^[a-z]+:/i.test(req.url ?? '') });
  });
  // HTTPS through a proxy starts with CONNECT host:443.
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', path: req.url ?? '', status: 502, offsite: true });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    requests,
    // Chromium never sends loopback through a proxy, so fixture pages are unaffected.
    proxyArgs: [`--proxy-server=http://127.0.0.1:${port}`],
    proxyPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      // Loopback stays direct (network.proxy.allow_hijacking_localhost is false).
      'network.proxy.no_proxies_on': '',
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
