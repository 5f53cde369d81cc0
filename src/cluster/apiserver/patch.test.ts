import { describe, expect, it } from 'vitest';
import { jsonMergePatch, jsonPatch, MERGE_KEYS, PatchError, strategicMergePatch } from './patch.ts';

// Expectations: RFC 7386 Appendix A, RFC 6902 Appendix A, error texts of
// gopkg.in/evanphx/json-patch.v4 (patch.go), strategic-merge rules of apimachinery
// util/strategicpatch/patch.go, and the kubernetes.io task "Update API Objects in Place Using
// kubectl patch" (deployment-patch.yaml example).

describe('jsonMergePatch (RFC 7386 Appendix A)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j', (target, patch, want) => {
    const before = JSON.stringify(target);
    expect(jsonMergePatch(target, patch)).toEqual(want);
    expect(JSON.stringify(target)).toBe(before);
  });
});

describe('jsonPatch (RFC 6902)', () => {
  it('Appendix A examples', () => {
    expect(jsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({ baz: 'qux', foo: 'bar' });
    expect(jsonPatch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({ foo: ['bar', 'qux', 'baz'] });
    expect(jsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({ foo: 'bar' });
    expect(jsonPatch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({ foo: ['bar', 'baz'] });
    expect(jsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({ baz: 'boo', foo: 'bar' });
    expect(
      jsonPatch({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }]),
    ).toEqual({ foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } });
    expect(jsonPatch({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }])).toEqual({
      foo: ['all', 'cows', 'eat', 'grass'],
    });
    expect(jsonPatch({ baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }])).toEqual({
      baz: 'qux',
      foo: ['a', 2, 'c'],
    });
    expect(jsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }])).toEqual({ foo: 'bar', child: { grandchild: {} } });
    expect(jsonPatch({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toEqual({ foo: ['bar', ['abc', 'def']] });
    expect(jsonPatch({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }])).toEqual({ '/': 9, '~1': 10 });
    expect(jsonPatch({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }])).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  const err = (doc: unknown, ops: unknown) => {
    try {
      jsonPatch(doc, ops);
    } catch (e) {
      expect(e).toBeInstanceOf(PatchError);
      return (e as Error).message;
    }
    return undefined;
  };
  it('errors, as evanphx/json-patch v4 words them', () => {
    expect(err({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toBe('testing value /baz failed: test failed');
    expect(err({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toBe(
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    );
    expect(err({ spec: {} }, [{ op: 'remove', path: '/spec/template/spec/nodeSelector' }])).toBe(
      'remove operation does not apply: doc is missing path: "/spec/template/spec/nodeSelector": missing value',
    );
    expect(err({ spec: {} }, [{ op: 'remove', path: '/spec/x' }])).toBe(
      "error in remove for path: '/spec/x': Unable to remove nonexistent key: x: missing value",
    );
    expect(err({ a: [1] }, [{ op: 'replace', path: '/a/5', value: 2 }])).toBe(
      'replace operation does not apply: doc is missing key: /a/5: missing value',
    );
    expect(err({ a: [1] }, [{ op: 'add', path: '/a/3', value: 2 }])).toBe(
      "error in add for path: '/a/3': Unable to access invalid index: 3: invalid index referenced",
    );
    expect(err({}, [{ op: 'frob', path: '/a' }])).toBe('Unexpected kind: frob');
    expect(err({}, { op: 'add' })).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });
  it('v4 quirks: replace of a missing object key adds it; negative indexes count from the end', () => {
    expect(jsonPatch({ spec: {} }, [{ op: 'replace', path: '/spec/replicas', value: 3 }])).toEqual({ spec: { replicas: 3 } });
    expect(jsonPatch({ a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }])).toEqual({ a: [1, 2] });
  });
  it('is atomic: the input is untouched when an operation fails', () => {
    const doc = { a: 1 };
    // A missing object key reads as nil in v4, so `test` fails rather than reporting a missing path.
    expect(err(doc, [{ op: 'remove', path: '/a' }, { op: 'test', path: '/a', value: 1 }])).toBe('testing value /a failed: test failed');
    expect(doc).toEqual({ a: 1 });
  });
});

describe('strategicMergePatch', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'patch-demo' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
          tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
        },
      },
    },
  };

  it('merges containers by name; the new one comes first (kubernetes.io patch task)', () => {
    const out = strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] } } } }) as typeof deployment;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'patch-demo-ctr-2', image: 'redis' },
      { name: 'patch-demo-ctr', image: 'nginx' },
    ]);
    expect(deployment.spec.template.spec.containers).toHaveLength(1);
  });

  it('replaces lists without a merge key (tolerations), as the same task shows', () => {
    const out = strategicMergePatch(deployment, {
      spec: { template: { spec: { tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }] } } },
    }) as typeof deployment;
    expect(out.spec.template.spec.tolerations).toEqual([{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }]);
  });

  it('merges into an existing element and keeps live order', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }] } };
    const out = strategicMergePatch(svc, { spec: { ports: [{ port: 443, nodePort: 30443 }] } });
    expect(out).toEqual({ spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443, nodePort: 30443 }] } });
  });

  it('null deletes a key; maps merge', () => {
    const out = strategicMergePatch({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { a: null, c: '3' } } });
    expect(out).toEqual({ metadata: { labels: { b: '2', c: '3' } } });
  });

  it('$patch: delete removes a list element by merge key; on a map it empties it', () => {
    const pod = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    expect(strategicMergePatch(pod, { spec: { containers: [{ name: 'a', $patch: 'delete' }] } })).toEqual({
      spec: { containers: [{ name: 'b', image: 'y' }] },
    });
    expect(strategicMergePatch({ spec: { selector: { a: 'b' } } }, { spec: { selector: { $patch: 'delete' } } })).toEqual({ spec: { selector: {} } });
  });

  it('$patch: replace replaces a map or a list', () => {
    expect(strategicMergePatch({ spec: { selector: { a: 'b' } } }, { spec: { selector: { c: 'd', $patch: 'replace' } } })).toEqual({
      spec: { selector: { c: 'd' } },
    });
    const pod = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    expect(strategicMergePatch(pod, { spec: { containers: [{ name: 'c', image: 'z' }, { $patch: 'replace' }] } })).toEqual({
      spec: { containers: [{ name: 'c', image: 'z' }] },
    });
  });

  it('merges nested lists by their own keys (env by name, ports by containerPort)', () => {
    const pod = { spec: { containers: [{ name: 'web', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] }] } };
    const out = strategicMergePatch(pod, {
      spec: { containers: [{ name: 'web', env: [{ name: 'A', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] },
    });
    expect(out).toEqual({ spec: { containers: [{ name: 'web', env: [{ name: 'A', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] } });
  });

  it('merged scalar lists are a union (finalizers); $deleteFromPrimitiveList removes', () => {
    expect(strategicMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['c', 'a'] } })).toEqual({
      metadata: { finalizers: ['c', 'a', 'b'] },
    });
    expect(strategicMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } })).toEqual({
      metadata: { finalizers: ['b'] },
    });
  });

  it('strips $setElementOrder and honours $retainKeys', () => {
    const pod = { spec: { containers: [{ name: 'a' }] } };
    expect(strategicMergePatch(pod, { spec: { '$setElementOrder/containers': [{ name: 'a' }] } })).toEqual(pod);
    expect(strategicMergePatch({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    })).toEqual({ spec: { strategy: { type: 'Recreate' } } });
  });

  it('errors', () => {
    expect(() => strategicMergePatch({ spec: { containers: [{ name: 'a' }] } }, { spec: { containers: [{ image: 'x' }] } })).toThrow(
      'map: map[image:x] does not contain declared merge key: name',
    );
    expect(() => strategicMergePatch({ spec: { a: 1 } }, { spec: { $patch: 'frob' } })).toThrow('unknown patch type: frob in map: map[$patch:frob]');
    // Like Go's removeDirectives, a directive map with nothing to merge into is just dropped.
    expect(strategicMergePatch({}, { spec: { $patch: 'frob' } })).toEqual({});
  });

  it('exports an extendable merge-key table', () => {
    expect(MERGE_KEYS['spec.template.spec.containers']).toBe('name');
    expect(MERGE_KEYS['spec.containers[].volumeMounts']).toBe('mountPath');
    expect(MERGE_KEYS['spec.ports']).toBe('port');
  });
});
