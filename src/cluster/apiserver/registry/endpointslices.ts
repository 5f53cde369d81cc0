// EndpointSlices (discovery.k8s.io/v1): a little of ValidateEndpointSlice and printEndpointSlice.

import { ageCol, age, col, nameCol } from './common.ts';
import { FieldPath, notSupported, required, toFieldErrs, type ErrorList } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret || '<unset>';
}

export function formatSlicePorts(ports: Obj[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < 3) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined ? p.name : '*');
    else more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

export function formatSliceEndpoints(eps: Obj[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of eps ?? [])
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      else more = true;
      count++;
    }
  return listWithMore(list, more, count, 3);
}

export const endpointslices: ResourceStrategy = {
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  singular: 'endpointslice',
  kind: 'EndpointSlice',
  namespaced: true,
  validate(obj) {
    const errs: ErrorList = [];
    const p = FieldPath.of('addressType');
    if (!obj.addressType) errs.push(required(p, ''));
    else if (!ADDRESS_TYPES.includes(obj.addressType)) errs.push(notSupported(p, obj.addressType, ADDRESS_TYPES));
    (obj.endpoints ?? []).forEach((e: Obj, i: number) => {
      if (!(e.addresses ?? []).length) errs.push(required(FieldPath.of('endpoints').index(i).child('addresses'), 'must contain at least 1 address'));
    });
    return toFieldErrs(errs);
  },
  table: {
    columns: [
      nameCol(),
      col('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.'),
      col('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
      col('Endpoints', 'endpoints is a list of unique endpoints in this slice.'),
      ageCol(),
    ],
    row: (o, ctx) => [o.metadata.name, o.addressType ?? '', formatSlicePorts(o.ports), formatSliceEndpoints(o.endpoints), age(o, ctx)],
  },
};
