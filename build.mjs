// Build: dist/ocpp-proxy.mjs (one ESM bundle for Node >= 22.13 and Deno 2, also copied into the
// Home Assistant add-on's folder) and dist/ocpp-proxy (a Node single executable application from
// the Node 24 in node_modules).
//
//   node build.mjs              both
//   node build.mjs --no-sea     the bundle only
//   node build.mjs --if-needed  skip what is newer than every source file
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));
const wantSea = !args.has('--no-sea');
const ifNeeded = args.has('--if-needed');

const require = createRequire(import.meta.url);
const bundlePath = join(dist, 'ocpp-proxy.mjs');
const seaBundlePath = join(dist, 'ocpp-proxy.cjs');
const binaryPath = join(dist, 'ocpp-proxy');

function newestSource() {
  let newest = statSync(join(root, 'package-lock.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return Math.max(newest, statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

function upToDate(path) {
  return ifNeeded && existsSync(path) && statSync(path).mtimeMs >= newestSource();
}

const common = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node22',
  legalComments: 'none',
  // ws loads these optional native helpers inside try/catch; the bundle runs without them.
  external: ['bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
};

mkdirSync(dist, { recursive: true });

if (!upToDate(bundlePath)) {
  await build({
    ...common,
    format: 'esm',
    outfile: bundlePath,
    // CommonJS dependencies (ws) call require() for Node built-ins.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  chmodSync(bundlePath, 0o755);
  console.log(`built ${bundlePath}`);
}
// The Home Assistant Supervisor builds the add-on from its own folder: it gets the same bundle
// (committed; .ci/run fails when the committed copy is stale).
const addonBundlePath = join(root, 'homeassistant/ocpp-proxy/ocpp-proxy.mjs');
if (!existsSync(addonBundlePath) || !readFileSync(addonBundlePath).equals(readFileSync(bundlePath))) {
  copyFileSync(bundlePath, addonBundlePath);
  console.log(`built ${addonBundlePath}`);
}

if (wantSea && !upToDate(binaryPath)) {
  // Node SEA runs one CommonJS script; yargs reads import.meta.url, which CommonJS lacks.
  await build({
    ...common,
    format: 'cjs',
    outfile: seaBundlePath,
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const blobPath = join(dist, 'sea-prep.blob');
  const seaConfigPath = join(dist, 'sea-config.json');
  writeFileSync(
    seaConfigPath,
    JSON.stringify({ main: seaBundlePath, output: blobPath, disableExperimentalSEAWarning: true, useCodeCache: true }),
  );
  const node24 = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
  execFileSync(node24, ['--experimental-sea-config', seaConfigPath], { stdio: 'pipe' });
  rmSync(binaryPath, { force: true });
  copyFileSync(node24, binaryPath);
  chmodSync(binaryPath, 0o755);
  const postject = join(dirname(require.resolve('postject/package.json')), 'dist', 'cli.js');
  execFileSync(
    node24,
    [postject, binaryPath, 'NODE_SEA_BLOB', blobPath, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'],
    { stdio: 'pipe' }, // postject's section-name warnings are noise; a failure still throws with its output
  );
  rmSync(blobPath, { force: true });
  rmSync(seaConfigPath, { force: true });
  console.log(`built ${binaryPath}`);
}
