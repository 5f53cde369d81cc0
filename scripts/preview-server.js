// The benchmarks' shared plumbing: build dist/ when it is missing, serve it with `vite preview`
// on a port, wait until it answers, and never leave the server behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export async function startPreview(port) {
  if (!existsSync('dist/index.html')) {
    console.log('dist/ missing: building…');
    const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  };
  // Even when the run dies on an uncaught error, do not leave the preview server behind.
  process.on('exit', stop);
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  return { url, stop };
}

async function waitForServer(url, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer at ${url}`);
}
