// The browser's editor, when the page provides one. kubectl edit runs $KUBE_EDITOR or $EDITOR
// like real kubectl; when neither is set it opens the file here instead of `vi` (which the sandbox
// does not have). The hook edits the file in ctx.fs in place and says whether it was saved.

import type { ProcessContext } from '../../../shell/program.ts';

export type InteractiveEditor = (path: string, ctx: ProcessContext) => Promise<'saved' | 'cancelled'>;

let editor: InteractiveEditor | undefined;

/** Set (or clear, with undefined) the editor used when KUBE_EDITOR and EDITOR are unset. */
export function setInteractiveEditor(fn: InteractiveEditor | undefined): void {
  editor = fn;
}

export function interactiveEditor(): InteractiveEditor | undefined {
  return editor;
}
