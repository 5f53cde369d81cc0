// cmdutil.GetResourcesAndPairs and ParsePairs (pkg/cmd/util/helpers.go): resources first, then
// KEY=VALUE (or KEY-) pairs.

import { CmdError } from '../../errors.ts';

export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let found = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      found = true;
      pairs.push(s);
    } else if (!found) resources.push(s);
    else throw new CmdError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** ParsePairs without removal (set image): a map in argument order. */
export function parsePairs(pairs: string[], pairType: string): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      out.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length > 0) throw new CmdError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}
