// Builtins: the commands that read or change the shell itself. Everything else is a program in
// ../commands/.

import type { Builtin } from '../interpreter/runtime.ts';
import { cd } from './cd.ts';
import { breakBuiltin, continueBuiltin, exit, source } from './control.ts';
import { help } from './help.ts';
import { history, type, which } from './info.ts';
import { fg, jobs, kill, wait } from './jobs.ts';
import { exportBuiltin, read, unset } from './variables.ts';

export function createBuiltins(): Map<string, Builtin> {
  return new Map<string, Builtin>([
    ['cd', cd],
    ['export', exportBuiltin],
    ['unset', unset],
    ['read', read],
    ['exit', exit],
    ['break', breakBuiltin],
    ['continue', continueBuiltin],
    ['source', source],
    ['.', source],
    ['jobs', jobs],
    ['fg', fg],
    ['kill', kill],
    ['wait', wait],
    ['history', history],
    ['type', type],
    ['which', which],
    ['help', help],
  ]);
}
