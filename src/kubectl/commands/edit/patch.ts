// strategicpatch.CreateTwoWayMergePatch(original, edited): every change from the object offered
// to the object saved, deletions included (null fields, `$patch: delete` for merge-keyed list
// items). It is the three-way patch with the original as both the last-applied and the live
// object. As in ../apply/three-way.ts, `$setElementOrder` directives are left out, so
// --output-patch can print less than kubectl does for a reordered or changed merge-keyed list.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { deepEqual, threeWayMergePatch } from '../apply/three-way.ts';

type JsonMap = Record<string, unknown>;

/** The patch, or undefined when the two objects are the same (kubectl prints "skipped"). */
export function twoWayPatch(original: KObject, edited: KObject): JsonMap | undefined {
  if (deepEqual(original, edited)) return undefined;
  const o = original as unknown as JsonMap;
  return threeWayMergePatch(o, edited as unknown as JsonMap, o);
}
