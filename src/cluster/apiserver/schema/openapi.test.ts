// The aliases as kube-apiserver publishes them: v2 with a plain string type, v3 as a oneOf with no
// type (kube-openapi OpenAPIV3OneOfTypes), which is why explain on a cluster shows <IntOrString>.

import { describe, expect, it } from 'vitest';
import { openApiV2, openApiV3 } from './openapi.ts';

type Doc = { components?: { schemas: Record<string, unknown> }; definitions?: Record<string, unknown> };
const IOS = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QTY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

describe('IntOrString and Quantity', () => {
  it('are oneOf schemas in v3', () => {
    const s = (openApiV3('', 'v1', 'v1.34.0') as Doc).components!.schemas;
    expect(s[IOS]).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(s[IOS]).not.toHaveProperty('type');
    expect(s[QTY]).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(s[QTY]).not.toHaveProperty('type');
  });
  it('are strings in v2', () => {
    const d = (openApiV2('v1.34.0') as Doc).definitions!;
    expect(d[IOS]).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(d[QTY]).toMatchObject({ type: 'string' });
  });
});
