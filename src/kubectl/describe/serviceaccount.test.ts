// Expected texts: the default ServiceAccount as real kubectl 1.34 describes it (fidelity suite),
// and describe.go's describeServiceAccount for secrets (headers sorted, `(not found)`).

import { describe, expect, it } from 'vitest';
import { describeServiceAccount } from './serviceaccount.ts';

const sa = { metadata: { name: 'default', namespace: 'default', uid: 'u1' } };

describe('describeServiceAccount', () => {
  it('an account with no secrets', () => {
    expect(describeServiceAccount(sa, { now: 0, events: [], secrets: [] })).toBe(
      'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\n' +
        'Image pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n',
    );
  });
  it('lists pull secrets, marks missing ones, finds its tokens by name and uid', () => {
    const withSecrets = { ...sa, imagePullSecrets: [{ name: 'reg' }, { name: 'gone' }] };
    const token = {
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 'default-token', annotations: { 'kubernetes.io/service-account.name': 'default', 'kubernetes.io/service-account.uid': 'u1' } },
    };
    const text = describeServiceAccount(withSecrets, { now: 0, secrets: [{ metadata: { name: 'reg' } }, token] });
    expect(text).toContain('Image pull secrets:  reg\n                     gone (not found)\nMountable secrets:   <none>\nTokens:              default-token\n');
  });
});
