/**
 * Serves a corpus folder (html/<id>.html.gz) on localhost with the pages'
 * own scripts removed, as the benchmark asks. JSON-LD stays: it is data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;

export function stripScripts(html: string): string {
  return html.replace(SCRIPT, (whole, attrs: string) => (/application\/ld\+json/i.test(attrs) ? whole : ''));
}

export function corpusIds(dir: string): string[] {
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
}

export function readCorpusPage(dir: string, id: string): string {
  return gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
}

export interface CorpusServer {
  origin: string;
  url(id: string): string;
  close(): Promise<void>;
}

export async function serveCorpus(dir: string): Promise<CorpusServer> {
  const server: Server = createServer((req, res) => {
    const match = /^\/page\/([\w-]+)$/.exec(req.url ?? '');
    if (!match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = stripScripts(readCorpusPage(dir, match[1]));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (id) => `${origin}/page/${id}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
