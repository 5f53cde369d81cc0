import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './protobuf.ts';

// Fixtures recorded from real kubectl 1.34.5: create-*.pb is the request body it POSTed, and
// create-*.json is what the same command prints with --dry-run=client -o json.
const fixture = (name: string, ext: string) => readFileSync(new URL(`./testdata/create-${name}.${ext}`, import.meta.url));

describe('decodeKubernetesProtobuf', () => {
  for (const [name, command] of [
    ['deploy', 'create deployment nginx --image=nginx --replicas=3 --port=80'],
    ['svc', 'create service nodeport web --tcp=80:8080 --node-port=30080'],
    ['cm', 'create configmap cfg --from-literal=a=b'],
    ['secret', 'create secret generic s --from-literal=pw=x1'],
  ]) {
    it(`reads what kubectl sends for \`${command}\``, () => {
      expect(decodeKubernetesProtobuf(fixture(name, 'pb'))).toEqual(JSON.parse(fixture(name, 'json').toString()));
    });
  }

  it('refuses a body without the k8s envelope', () => {
    expect(() => decodeKubernetesProtobuf(new Uint8Array([1, 2, 3, 4]))).toThrow(/envelope/);
  });
});
