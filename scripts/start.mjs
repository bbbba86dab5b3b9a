// `npm start`: builds the script-tag bundle (and the merchant console's) and runs the reference server, which serves the storefront
// page, the bundle and the portal API on one port (PORT, default 8080) with its embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';

console.log('Building the portal bundle (dist/cdn/portal.js)…');
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.cdn.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
// The merchant console's bundle (dist/merchant/merchant/console.js), served with its page at /merchant.
const merchant = spawnSync(
  'npx',
  ['vite', 'build', '--config', 'vite.merchant.config.ts', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
if (merchant.status !== 0) process.exit(merchant.status ?? 1);
// The test-mode card fields frame (dist/card-fields), which the server serves on PORT + 1.
const frame = spawnSync(
  'npx',
  ['vite', 'build', '--config', 'vite.card-fields.config.ts', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
if (frame.status !== 0) process.exit(frame.status ?? 1);

// One process (no npx or shell in between), so Ctrl-C and SIGTERM reach the server itself.
const server = spawn(process.execPath, ['--import', 'tsx', 'examples/server/src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    STATIC_DIR:
      process.env.STATIC_DIR ??
      ['examples/storefront', 'dist/cdn', 'examples/merchant', 'dist/merchant'].join(delimiter),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
