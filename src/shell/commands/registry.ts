// Every program the shell can run by name. Other modules add theirs to a session's map
// (`session.programs.set('kubectl', kubectl)`); this is the shell's own set.

import type { Program } from '../program.ts';
import { base64 } from './base64.ts';
import { clear, falseProgram, hostname, pwd, trueProgram } from './basics.ts';
import { cat } from './cat.ts';
import { cut } from './cut.ts';
import { echo } from './echo.ts';
import { env, printenv } from './env.ts';
import { cp, mkdir, mv, rm, rmdir, touch } from './files.ts';
import { grep } from './grep.ts';
import { head, tail } from './headtail.ts';
import { ls } from './ls.ts';
import { printf } from './printf.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { tee } from './tee.ts';
import { test } from './test.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { xargs } from './xargs.ts';

export function createDefaultPrograms(): Map<string, Program> {
  return new Map<string, Program>([
    ['base64', base64],
    ['cat', cat],
    ['clear', clear],
    ['cp', cp],
    ['cut', cut],
    ['echo', echo],
    ['env', env],
    ['false', falseProgram],
    ['grep', grep],
    ['head', head],
    ['hostname', hostname],
    ['ls', ls],
    ['mkdir', mkdir],
    ['mv', mv],
    ['printenv', printenv],
    ['printf', printf],
    ['pwd', pwd],
    ['rm', rm],
    ['rmdir', rmdir],
    ['sed', sed],
    ['seq', seq],
    ['sleep', sleep],
    ['sort', sort],
    ['tail', tail],
    ['tee', tee],
    ['test', test],
    ['[', test],
    ['touch', touch],
    ['tr', tr],
    ['true', trueProgram],
    [':', trueProgram],
    ['uniq', uniq],
    ['wc', wc],
    ['xargs', xargs],
  ]);
}
