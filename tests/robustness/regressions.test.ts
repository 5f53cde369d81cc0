// Crashes and hangs the fuzz suite found, each pinned with the text the real tool prints.
// Sources: apiserver handlers' transformDecodeError (`<Kind> in version "v1" cannot be handled as a
// <Kind>: <encoding/json error>`, as seen in kubernetes issue reports such as
// neondatabase/helm-charts#71); bash 5.2 (`bash -c`) for arithmetic recursion.

import { describe, expect, it } from 'vitest';
import { world } from './harness.ts';

describe('the API server decodes bodies into typed fields', () => {
  it('a wrong JSON type is a BadRequest, and the cluster keeps working (was: controllers looped forever)', async () => {
    const w = await world();
    w.sandbox.laptopFs.writeFile(
      '/home/learner/d.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: nginx, env: [{name: NUM, value: 1}]}]}\n',
    );
    expect((await w.run('kubectl apply -f d.yaml')).output).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string\n',
    );
    const p = await w.run(`kubectl patch deploy web --type=merge -p '{"spec":{"replicas":"x"}}'`);
    expect(p.output).toContain('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    const c = await w.run(`kubectl patch deploy web --type=merge -p '{"spec":{"template":{"spec":{"containers":{}}}}}'`);
    expect(c.output).toContain('json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container');
    expect((await w.run('kubectl get deploy web -o jsonpath={.spec.replicas}')).output).toBe('2');
  });

  it('replicas beyond int32 are refused instead of creating pods without end (was: a hang)', async () => {
    const w = await world();
    const r = await w.run('kubectl scale deploy web --replicas=99999999999');
    expect(r.status).toBe(1);
    expect(r.output).toContain('json: cannot unmarshal number 99999999999 into Go struct field ScaleSpec.spec.replicas of type int32');
    expect((await w.run('kubectl get deploy web -o jsonpath={.spec.replicas}')).output).toBe('2');
  });

  it('run --overrides with null and wrong shapes gives a decode error, not an internal error', async () => {
    const w = await world();
    const r = await w.run(`kubectl run x --image=nginx --overrides='{"spec":{"containers":5}}'`);
    expect(r.output).toBe(
      'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type []v1.Container\n',
    );
  });
});

describe('the shell survives what would overflow its stack', () => {
  it("arithmetic that refers to itself: bash's recursion message", async () => {
    const w = await world();
    const r = await w.run("x='x+1'; echo $((x))");
    expect(r.output).toBe('bash: x+1: expression recursion level exceeded (error token is "x+1")\n');
    expect(r.status).toBe(1);
  });

  it('1000 nested $( ) and 5000 nested ( ) fail as syntax errors (was: RangeError out of runLine)', async () => {
    const w = await world();
    const subst = await w.run('echo ' + '$(echo '.repeat(1000) + 'x' + ')'.repeat(1000));
    expect(subst).toMatchObject({ status: 2, output: 'bash: syntax error: command substitution nested too deeply\n' });
    const parens = await w.run('('.repeat(5000) + 'echo x' + ')'.repeat(5000));
    expect(parens).toMatchObject({ status: 2, output: 'bash: syntax error: nested too deeply\n' });
    expect((await w.run('echo ' + '$(echo '.repeat(50) + 'x' + ')'.repeat(50))).output).toBe('x\n');
  });

  it('a syntax error quoting control characters shows them in caret notation', async () => {
    const w = await world();
    const r = await w.run('echo ok; ) \x1b[2J');
    expect(r.output).toBe("bash: syntax error near unexpected token `)'\n");
    const q = await w.run('a\x1b[2J)');
    expect(q.output).not.toContain('\x1b');
  });
});
