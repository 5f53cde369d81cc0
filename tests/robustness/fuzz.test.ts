// Seeded fuzzing of the laptop shell and kubectl: hostile flags, names, selectors, printers,
// manifests and shell input. For every case: runLine returns a status (nothing escapes), no
// JavaScript error text leaks into the output, no raw control character reaches the terminal, it
// ends within its wall-time budget, and afterwards the cluster still answers and what the learner
// built is still there.

import { beforeAll, describe, expect, it } from 'vitest';
import { JS_CRASH, rawControls, rng, world, type World } from './harness.ts';

const r = rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const quote = (s: string) => `$'${[...s].map((c) => (c === "'" || c === '\\' ? '\\' + c : c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0') : c)).join('')}'`;

const NAMES = ['web', 'nope', '', 'a'.repeat(300), 'x\x1b[2Jy', 'x\x1b]0;pwned\x07', 'bell\x07', 'nul\x00x', '🙂', 'ünï', 'UPPER', '-leading', 'a/b/c', '..', '/', 'web\n', 'a b', '$(id)', '`id`', '%s%n'];
const TYPES = ['pods', 'pod', 'po', 'deploy', 'svc', 'service/web', 'deployment/web', 'pod/', '/web', 'nope', 'pods,svc', 'pods,', ',', 'all', 'deploy.apps', 'deploy.v1.apps', 'deploy.x.y.z', 'ev', 'cm'];
const VERBS = ['get', 'describe', 'delete --dry-run=client', 'logs', 'exec', 'label --dry-run=client', 'annotate --dry-run=client', 'scale --dry-run=client', 'expose --dry-run=client', 'rollout status', 'rollout history', 'wait --timeout=1s', 'port-forward', 'explain', 'edit', 'set image --dry-run=client', 'create', 'run', 'patch --dry-run=client', 'api-resources', 'config', 'version', 'completion'];
const FLAGS = ['-o', '--output', '-l', '--selector', '--field-selector', '-n', '--namespace', '--tail', '--since', '--replicas', '--port', '--timeout', '--dry-run', '--image', '-c', '--sort-by', '--template', '-p', '--type', '--for', '--overrides', '--show-labels', '-A', '-w', '--request-timeout', '-v', '--context', '--kubeconfig', '-f'];
const DASHES = ['-', '--', '–', '—', '---', '−'];
const VALUES = [
  '', 'abc', '-1', '0', '65536', '99999999999999999999', '1.5', '=', 'wat', 'yaml', 'json', 'wide', 'name',
  'jsonpath={', 'jsonpath={.items[}', 'jsonpath={range .items[*]}', 'jsonpath={..}', 'jsonpath={.items[-99999]}', 'jsonpath={.items[0:99:0]}', 'jsonpath={$$}', 'jsonpath={.x}{"\x1b"}',
  'custom-columns=', 'custom-columns=A', 'custom-columns=A:', 'custom-columns=:.x', 'custom-columns=A:{', 'custom-columns=A:.metadata.name,,', 'go-template={{', 'go-template={{.x.y.z}}',
  'a in (b', '!!!==', 'a=b,', 'a!=', 'a,b,c', 'x=\x1b[31m', '{', '[]', 'null', '{"spec":5}', '{"spec":{"containers":[null]}}', '{"spec":{"containers":5}}', '"s"',
  '80:80:80', ':', '8080:', ':0', 'x:y', '-5s', '1h', 'condition=', 'delete', 'jsonpath={.status}=x', '\x1b[2J', '\x00', '🙂'.repeat(50),
];

function kubectlCase(): string {
  const parts = ['kubectl', pick(VERBS)];
  const n = Math.floor(r() * 3);
  for (let i = 0; i < n; i++) parts.push(quote(r() < 0.5 ? pick(TYPES) : pick(NAMES)));
  for (let i = Math.floor(r() * 4); i > 0; i--) {
    const flag = pick(FLAGS).replace(/^-+/, pick(DASHES));
    const v = pick(VALUES);
    const form = r();
    if (form < 0.4) parts.push(quote(`${flag}=${v}`));
    else if (form < 0.8) parts.push(flag, quote(v));
    else parts.push(flag);
  }
  if (r() < 0.2) parts.push('--', quote(pick(NAMES)));
  return parts.join(' ');
}

const MANIFESTS: Record<string, () => string> = {
  binary: () => Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(r() * 256))).join(''),
  'random YAML-ish': () => Array.from({ length: 50 }, () => pick(['a:', '- ', '  ', '{', '}', '[', ']', '"', "'", '&x', '*x', '!!', '---', '\n', ': ', '#', '|', '>', 'kind: Pod', 'apiVersion: v1', 'metadata:', 'name: z'])).join(''),
  'deeply nested JSON': () => '['.repeat(100_000) + ']'.repeat(100_000),
  'deeply nested YAML': () => Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'),
  'billion laughs': () => ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]}]`)].join('\n'),
  'alias bomb in a Pod': () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nv: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\ndata: {k: v}\nu: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '5 MB of YAML': () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: "' + 'x'.repeat(5 * 1024 * 1024) + '"\n',
  'wrong types': () => 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: typed}\nspec:\n  replicas: "three"\n  selector: {matchLabels: {a: b}}\n  template: {metadata: {labels: {a: b}}, spec: {containers: {name: c}}}\n',
  'huge replicas': () => 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: huge}\nspec:\n  replicas: 99999999999\n  selector: {matchLabels: {a: b}}\n  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}\n',
  'control characters': () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "c\\e[2J\\a"}\ndata: {"k\\x1b": "\\x1b]52;c;aGk=\\x07"}\n',
  'many documents': () => Array.from({ length: 2000 }, () => '---\n').join(''),
};

const SHELL = [
  "echo 'unbalanced", 'echo "unbalanced', 'echo `unbalanced', 'echo $(unbalanced', 'echo ${unbalanced', 'echo $((1+', ')', ';;', '|', '&&', 'fi', 'done',
  'echo ' + '$(echo '.repeat(1000) + 'x' + ')'.repeat(1000),
  '('.repeat(5000) + 'echo x' + ')'.repeat(5000),
  '{ '.repeat(5000) + 'echo x; ' + '} '.repeat(5000),
  'if true; then '.repeat(3000) + 'echo x; ' + 'fi; '.repeat(3000),
  'echo $((' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '))',
  "x='x+1'; echo $((x))",
  'echo ' + 'x'.repeat(100_000) + ' | wc -c',
  'echo a\x00b\x1bc\x07d\x7fe\x9bf',
  "printf 'a\\0b\\x1b[2Jc\\x1b]0;t\\x07\\n'",
  "echo $'\\x1b]52;c;aGk=\\x07'",
  ':(){ :|:& };:',
  'f() { f; }; f',
  'yes | head -3',
  'seq 1 100000 | wc -l',
  'cat <<EOF\n' + 'line\n'.repeat(100_000) + 'EOF',
  'echo $((1/0))', 'echo $((2**64))', 'echo ${x:?boom}', 'echo {1..100000} | wc -c',
  'cd ' + '../'.repeat(10_000), 'ls ' + '/a'.repeat(5000),
  'sleep 99999999999', 'sleep -1', 'sleep abc', 'sleep infinity',
  'sleep 1 & sleep 2 & echo $\'\\x1b[2J\' & wait',
  'cat /dev/zero | head -c 10', 'read x <<< ' + 'y'.repeat(10_000),
  'kubectl exec deploy/web -- sh -c "echo \\$((1/0))"',
];

/** Lines that run until interrupted: Ctrl+C after 100 ms must end them. */
const ENDLESS = ['while true; do :; done', 'while :; do echo y; done | wc -l', 'until false; do echo x; done', 'for i in $(seq 1 1000000); do :; done', 'kubectl get pods -w', 'kubectl logs -f deploy/web', 'cat', 'read x', 'kubectl port-forward svc/web 8080:80'];

async function check(w: World, line: string, opts: { interruptAfterMs?: number; budgetMs?: number } = {}) {
  const res = await w.run(line, opts);
  expect(typeof res.status).toBe('number');
  expect(res.output, line.slice(0, 200)).not.toMatch(JS_CRASH);
  expect(rawControls(res.output), line.slice(0, 200)).toEqual([]);
  expect(res.wallMs, line.slice(0, 200)).toBeLessThan(opts.budgetMs ?? 2000);
  return res;
}

/** `kubectl get nodes` without its AGE column (a case may sleep, and sleeping advances the clock). */
const ageless = (table: string) => table.split('\n').map((l) => l.split(/\s+/).filter((_, i) => i !== 3).join(' ')).join('\n');

async function intact(w: World) {
  expect(ageless((await w.run('kubectl get nodes')).output)).toBe(ageless(w.nodes));
  const kept = await w.run('kubectl get deploy/web svc/web cm/keep -o name');
  expect(kept.output).toBe('deployment.apps/web\nservice/web\nconfigmap/keep\n');
}

describe('robustness fuzz', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('random malformed kubectl invocations', async () => {
    for (let i = 0; i < 300; i++) await check(w, kubectlCase());
    await intact(w);
  }, 30_000);

  it.each(Object.keys(MANIFESTS))('kubectl apply -f with %s', async (name) => {
    w.sandbox.laptopFs.writeFile('/home/learner/m.yaml', MANIFESTS[name]());
    await check(w, 'kubectl apply -f m.yaml', { budgetMs: 5000 });
    await check(w, 'kubectl apply -f - < m.yaml', { budgetMs: 5000 });
    await check(w, 'kubectl create -f m.yaml --dry-run=client -o yaml', { budgetMs: 5000 });
    await intact(w);
  }, 20_000);

  it.each(SHELL.map((s) => [s.slice(0, 60).replace(/[\x00-\x1f]/g, '?'), s]))('shell: %s', async (_, line) => {
    await check(w, line, { interruptAfterMs: 1500, budgetMs: 2500 });
    await intact(w);
  }, 10_000);

  it.each(ENDLESS)('Ctrl+C ends: %s', async (line) => {
    const res = await check(w, line, { interruptAfterMs: 100, budgetMs: 1500 });
    expect(res.status).toBe(130);
    await intact(w);
  }, 10_000);

  it('random bytes as shell lines', async () => {
    for (let i = 0; i < 200; i++) {
      const line = Array.from({ length: 1 + Math.floor(r() * 80) }, () => String.fromCharCode(Math.floor(r() * 128))).join('');
      await check(w, line, { interruptAfterMs: 1000 });
    }
    await intact(w);
  }, 30_000);
});
