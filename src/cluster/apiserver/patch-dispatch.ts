// PATCH bodies by content type: JSON merge patch, strategic merge patch, JSON patch.

import { badRequest } from './errors.ts';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from './patch.ts';

export type PatchType = 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/json-patch+json';

export function applyPatch(type: PatchType, target: unknown, patch: unknown): unknown {
  try {
    switch (type) {
      case 'application/merge-patch+json':
        return jsonMergePatch(target, patch);
      case 'application/strategic-merge-patch+json':
        return strategicMergePatch(target, patch);
      case 'application/json-patch+json':
        return jsonPatch(target, patch);
    }
  } catch (e) {
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
}
