import { describe, expect, it } from 'vitest';
import { FieldPath, invalid, required } from './field.ts';
import { DNS1035_LABEL_MAX_LENGTH, nameIsDNS1035Label } from './names.ts';
import { validateObjectMeta } from './objectmeta.ts';
import { invalidStatus } from './status.ts';

// Shapes from apierrors.NewInvalid (api/errors/errors.go, v0.34.10); the Service "Web" message is
// what `kubectl create service clusterip Web --tcp=80` gets from a real server.
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('invalidStatus', () => {
  it('one cause: bare message', () => {
    const errs = validateObjectMeta({ name: 'Web', namespace: 'default' }, true, nameIsDNS1035Label);
    expect(invalidStatus({ group: '', kind: 'Service' }, 'Web', errs)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Service "Web" is invalid: metadata.name: Invalid value: "Web": ${DNS1035_MSG}`,
      reason: 'Invalid',
      details: {
        name: 'Web',
        kind: 'Service',
        causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: "Web": ${DNS1035_MSG}`, field: 'metadata.name' }],
      },
      code: 422,
    });
    expect(DNS1035_LABEL_MAX_LENGTH).toBe(63);
  });

  it('several causes: bracketed and comma-joined; group in kind', () => {
    const errs = [
      required(FieldPath.of('spec', 'selector'), ''),
      invalid(FieldPath.of('spec', 'replicas'), -1, 'must be greater than or equal to 0'),
    ];
    const st = invalidStatus({ group: 'apps', kind: 'Deployment' }, 'web', errs);
    expect(st.message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
    );
    expect(st.details).toEqual({
      name: 'web',
      group: 'apps',
      kind: 'Deployment',
      causes: [
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
        { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
      ],
    });
  });

  it('no causes', () => {
    expect(invalidStatus({ group: '', kind: 'Pod' }, 'x', []).message).toBe('Pod "x" is invalid');
  });
});

describe('validateObjectMeta', () => {
  it('requires a name and a namespace', () => {
    expect(validateObjectMeta({}, true, nameIsDNS1035Label).map(String)).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'metadata.namespace: Required value',
    ]);
  });
  it('forbids a namespace on cluster-scoped kinds', () => {
    expect(validateObjectMeta({ name: 'n', namespace: 'x' }, false, nameIsDNS1035Label).map(String)).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });
  it('checks labels', () => {
    expect(validateObjectMeta({ name: 'n', namespace: 'd', labels: { app: 'x y' } }, true, nameIsDNS1035Label).map(String)).toEqual([
      `metadata.labels: Invalid value: "x y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });
});
