// Builds dist/chrome and dist/firefox from the one manifest source, and a
// zip of each (dist/lectern-chrome.zip, dist/lectern-firefox.zip).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

rmSync('dist', { recursive: true, force: true });
for (const browser of ['chrome', 'firefox']) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { LECTERN_BROWSER: browser });
  run('npx', ['web-ext', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'dist',
    '--filename', `lectern-${browser}.zip`, '--overwrite-dest']);
}
