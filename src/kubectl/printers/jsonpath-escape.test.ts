import { expect, it } from 'vitest';
import { sandbox } from '../testing/harness.ts';

// client-go's parseField takes `\.` as a dot inside a key; the fidelity suite compares this case
// with real kubectl (tests/fidelity/scenarios/apply-merge.txt).
it('jsonpath reads keys with escaped dots', async () => {
  const { kubectl } = sandbox();
  await kubectl('create deployment web --image=nginx');
  await kubectl('annotate deploy web kubectl.kubernetes.io/x=1 a.b=2');
  const r = await kubectl(`get deploy web -o jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/x}/{.metadata.annotations.a\\.b}`);
  expect(r.stdout).toBe('1/2');
});
