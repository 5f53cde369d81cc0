// kubectl label (pkg/cmd/label/label.go).

import { CmdError } from '../../errors.ts';
import { pairsCommand } from './pairs.ts';

/** validation.IsValidLabelValue. */
function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (v !== '' && !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v))
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  return errs;
}

export const label = pairsCommand({
  verb: 'label',
  field: 'labels',
  done: 'labeled',
  noUpdate: 'at least one label update is required',
  listTitle: 'Listing labels for',
  parse(specs) {
    const add: Record<string, string> = {};
    const remove: string[] = [];
    for (const s of specs) {
      if (s.includes('=')) {
        const parts = s.split('=');
        if (parts.length !== 2) throw new CmdError(`invalid label spec: ${s}`);
        const errs = labelValueErrors(parts[1]);
        if (errs.length > 0) throw new CmdError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
        add[parts[0]] = parts[1];
      } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
      else throw new CmdError(`unknown label spec: ${s}`);
    }
    for (const r of remove) if (r in add) throw new CmdError('can not both modify and remove a label in the same command');
    return { add, remove };
  },
  checkOverwrite(current, add) {
    const errs = Object.entries(add)
      .filter(([k, v]) => k in current && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    if (errs.length > 0) throw new CmdError(errs.join(', '));
  },
});
export default label;
