// pkg/cmd/util/editor/editor.go: which editor runs and how. KUBE_EDITOR, then EDITOR, else `vi`;
// a command without spaces runs as is, one with spaces but no quotes or backslashes is split on
// spaces, anything else goes to `$SHELL -c` (default /bin/bash). The path is the last argument.
// The sandbox has no /bin/bash, so the shell case is split here with sh's quoting rules, which
// is what bash would hand the editor.

import type { Output, ProcessContext } from '../../../shell/program.ts';
import { CmdError } from '../../errors.ts';
import { interactiveEditor } from './editor-hook.ts';

const ENVS = ['KUBE_EDITOR', 'EDITOR'];

export interface Editor {
  /** Editor.Args, as kubectl's messages quote them (without the path). */
  args: string[];
  shell: boolean;
}

export function defaultEditor(env: Record<string, string>): Editor | undefined {
  const value = ENVS.map((k) => env[k] ?? '').find((v) => v !== '');
  if (value === undefined) return undefined;
  if (!value.includes(' ')) return { args: [value], shell: false };
  if (!/["'\\]/.test(value)) return { args: value.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/bash', '-c', value], shell: true };
}

/** Editor.Launch: run the editor on path; kubectl's two error messages. */
export async function launchEditor(ctx: ProcessContext, path: string): Promise<void> {
  const editor = defaultEditor(ctx.env);
  if (!editor) {
    const hook = interactiveEditor();
    if (hook) {
      await hook(path, ctx);
      return;
    }
  }
  const e = editor ?? { args: ['vi'], shell: false };
  const quoted = JSON.stringify(e.args.join(' '));
  const argv = e.shell ? [...shellWords(e.args[2] + ' ' + path)] : [...e.args, path];
  const stderr = held(ctx.stderr);
  const status = ctx.exec && argv.length > 0 ? await ctx.exec(argv, { stderr }) : 127;
  if (status === 127 && (!ctx.exec || /command not found|No such file or directory/.test(stderr.text))) {
    const err = new CmdError(`unable to launch the editor ${quoted}`);
    if (!editor)
      err.withHint(
        'this sandbox has no terminal editor (vi). Set KUBE_EDITOR to a command that edits the file in place, e.g. KUBE_EDITOR="sed -i s/ClusterIP/NodePort/" kubectl edit svc web',
      );
    throw err;
  }
  stderr.flush();
  if (status !== 0) throw new CmdError(`there was a problem with the editor ${quoted}`);
}

/** Words of a command line as sh splits them: blanks separate; '…', "…" and \ quote. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && '$`"\\\n'.includes(line[i + 1] ?? '')) i++;
        cur += line[i];
      }
    } else if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else cur += c;
  }
  if (inWord) words.push(cur);
  return words;
}

/** Keeps a child's stderr until we know whether it only said "command not found". */
function held(out: Output): Output & { text: string; flush(): void } {
  const o = { text: '', isTTY: out.isTTY, write: (s: string) => void (o.text += s), flush: () => out.write(o.text) };
  return o;
}
