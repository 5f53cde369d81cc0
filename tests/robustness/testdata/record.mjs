// Records real kubectl 1.34's answers to malformed invocations that it rejects before talking to a
// server (flag and argument errors), for flag-errors.test.ts. Cases come from a seeded generator,
// so a re-run records the same set. Run: node tests/robustness/testdata/record.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const KUBECTL = new URL('../../../.cache/kubectl/kubectl/kubectl', import.meta.url).pathname;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(20260101);
const pick = (xs) => xs[Math.floor(r() * xs.length)];

const VERBS = ['get pods', 'get svc', 'describe pod', 'logs web', 'exec web', 'scale deploy web', 'expose deploy web', 'create deployment x', 'run x', 'delete pod x', 'port-forward svc/web', 'label pod web', 'wait pod/web', 'rollout status deploy/web', 'apply', 'patch deploy web', 'set image deploy/web', 'create service clusterip s'];
const FLAGS = [
  ['-o', '--output'], ['-n', '--namespace'], ['-l', '--selector'], ['--tail'], ['--since'], ['--replicas'], ['--port'], ['--timeout'],
  ['--dry-run'], ['-f', '--filename'], ['--image'], ['-c', '--container'], ['--grace-period'], ['--request-timeout'], ['-v'], ['-w', '--watch'],
  ['--all-namespaces', '-A'], ['--show-labels'], ['--limit-bytes'], ['--address'], ['--for'], ['--type'], ['--tcp'], ['--record'],
];
const VALUES = ['', 'abc', '-1', '0', '99999999999999999999', '1.5', '=', '==', 'wat', '5x', 'true', 'TRUE', 'yes', '10s', '-5s', '1h2m', '--', '-'];

const cases = [];
for (let i = 0; i < 400 && cases.length < 120; i++) {
  const argv = pick(VERBS).split(' ');
  const n = 1 + Math.floor(r() * 2);
  for (let j = 0; j < n; j++) {
    const names = pick(FLAGS);
    const name = pick(names);
    const form = r();
    const value = pick(VALUES);
    if (form < 0.35) argv.push(`${name}=${value}`);
    else if (form < 0.6) argv.push(name, value);
    else if (form < 0.75) argv.push(name); // value missing
    else if (form < 0.85) argv.push(name.replace(/^--?/, pick(['–', '—', '---', '-'])) + (r() < 0.5 ? `=${value}` : ''));
    else argv.push(`${name}=${value}=${value}`);
  }
  let out = '';
  let code = 0;
  try {
    out = execFileSync(KUBECTL, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', KUBECONFIG: '/dev/null' }, timeout: 10_000 });
  } catch (e) {
    out = (e.stdout ?? '') + (e.stderr ?? '');
    code = e.status ?? -1;
  }
  // Only what kubectl decides alone: no server answer, no help text.
  if (code === 0 || /memcache|connection to the server|Usage:|^Examples:/m.test(out)) continue;
  if (cases.some((c) => c.argv.join(' ') === argv.join(' '))) continue;
  cases.push({ argv, code, output: out });
}
writeFileSync(new URL('./flag-errors.json', import.meta.url), JSON.stringify(cases, null, 1) + '\n');
console.log(`${cases.length} cases`);
