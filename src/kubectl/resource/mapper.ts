// kubectl's REST mapping of what the user typed to an API resource: plural, singular, short name
// or kind (case-insensitive), optionally qualified as `resource.group` or `resource.version.group`
// (schema.ParseResourceArg), and categories such as `all`.

import { NoResourceMatchError } from '../errors.ts';
import type { ApiResource, Discovery } from './discovery.ts';

export class Mapper {
  constructor(private readonly discovery: Discovery) {}

  resolve(arg: string): ApiResource {
    const lower = arg.toLowerCase();
    const all = this.discovery.resources();
    const matches = (r: ApiResource, name: string) =>
      r.name === name || r.singularName === name || r.kind.toLowerCase() === name || r.shortNames.includes(name);
    const dot = lower.indexOf('.');
    if (dot < 0) {
      const hit = all.find((r) => matches(r, lower));
      if (!hit) throw new NoResourceMatchError(arg);
      return hit;
    }
    const res = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    const dot2 = rest.indexOf('.');
    if (dot2 > 0) {
      const version = rest.slice(0, dot2);
      const group = rest.slice(dot2 + 1);
      const hit = all.find((r) => r.group === group && r.version === version && matches(r, res));
      if (hit) return hit;
    }
    const hit = all.find((r) => r.group === rest && matches(r, res));
    if (!hit) throw new NoResourceMatchError(res, rest);
    return hit;
  }

  /** A category (`all`) expands to its resources in discovery order; anything else is one resource. */
  expand(arg: string): ApiResource[] {
    const lower = arg.toLowerCase();
    const all = this.discovery.resources();
    if (!all.some((r) => matchesName(r, lower))) {
      const members = all.filter((r) => r.categories.includes(lower));
      if (members.length > 0) return members;
    }
    return [this.resolve(arg)];
  }
}

function matchesName(r: ApiResource, name: string): boolean {
  return r.name === name || r.singularName === name || r.shortNames.includes(name);
}

/** Go's %s for a resource in messages and in `type/name` output: `deployment.apps`, `pod`. */
export function kindGroup(r: ApiResource): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}
