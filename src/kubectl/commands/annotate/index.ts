// kubectl annotate (pkg/cmd/annotate/annotate.go).

import { CmdError } from '../../errors.ts';
import { pairsCommand } from '../label/pairs.ts';

export const annotate = pairsCommand({
  verb: 'annotate',
  field: 'annotations',
  done: 'annotated',
  noUpdate: 'at least one annotation update is required',
  listTitle: 'Listing annotations for',
  parse(specs) {
    // cmdutil.ParsePairs(args, "annotation", removable=true)
    const add: Record<string, string> = {};
    const remove: string[] = [];
    const invalid: string[] = [];
    for (const s of specs) {
      if (s.includes('=') && s[0] !== '=') {
        const i = s.indexOf('=');
        add[s.slice(0, i)] = s.slice(i + 1);
      } else if (s.endsWith('-') && s !== '-') remove.push(s.slice(0, -1));
      else invalid.push(s);
    }
    if (invalid.length > 0) throw new CmdError(`invalid annotation format: ${invalid.join(', ')}`);
    const both = remove.filter((r) => r in add);
    if (both.length > 0) throw new CmdError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    return { add, remove };
  },
  checkOverwrite(current, add) {
    const found = Object.entries(add)
      .filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in current && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current[k]})`);
    if (found.length > 0) throw new CmdError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
  },
});
export default annotate;
