// Flags shared by kubectl's write commands (cmdutil.AddDryRunFlag, AddApplyAnnotationFlags,
// AddValidateFlags, AddFieldManagerFlagVar, AddFilenameOptionFlags, genericclioptions.PrintFlags,
// cobra's MarkFlagRequired), with kubectl 1.34's messages.

import type { Invocation } from '../command.ts';
import { CmdError } from '../errors.ts';
import type { FlagDef } from './index.ts';

export type DryRun = 'none' | 'client' | 'server';

/** PrintFlags: -o and the template flags every printing command accepts. */
export const PRINT_FLAGS: readonly FlagDef[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** `--dry-run` alone means "unchanged", which kubectl reads as client (with a deprecation warning). */
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' };
export const SAVE_CONFIG_FLAG: FlagDef = { name: 'save-config', type: 'bool' };
export const VALIDATE_FLAG: FlagDef = { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' };
export const fieldManagerFlag = (def: string): FlagDef => ({ name: 'field-manager', type: 'string', default: def });
export const FILENAME_FLAGS: readonly FlagDef[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
];

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(inv: Invocation): DryRun {
  const v = inv.flags.string('dry-run');
  const asBool = parseGoBool(v);
  if (asBool === undefined) {
    switch (v) {
      case 'unchanged':
        warnKlog(inv, 731, '--dry-run is deprecated and can be replaced with --dry-run=client.');
        return 'client';
      case 'client':
      case 'server':
      case 'none':
        return v;
      default:
        throw new CmdError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
    }
  }
  warnKlog(inv, 745, `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${asBool ? 'client' : 'none'}.`);
  return asBool ? 'client' : 'none';
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** klog.Warning's line shape (`W1126 02:34:04.948098   26235 helpers.go:731] ...`); the pid is fixed. */
function warnKlog(inv: Invocation, line: number, msg: string): void {
  const d = new Date(); // kubectl runs on the learner's machine: its own wall clock, as klog's.
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}`;
  inv.stderr.write(`W${stamp}    4242 helpers.go:${line}] ${msg}\n`);
}

/** cobra's ValidateRequiredFlags, which runs before the command's own checks. */
export function requireFlags(inv: Invocation, names: readonly string[]): void {
  const missing = names.filter((n) => !inv.flags.changed(n));
  if (missing.length > 0) throw new CmdError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}
