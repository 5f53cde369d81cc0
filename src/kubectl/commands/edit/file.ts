// The file kubectl edit hands the editor (pkg/cmd/util/editor/editoptions.go and
// cmdutil.StripComments/ManualStrip): the header, the reasons a save failed, and how an edited
// file is compared with what was offered.

import { deepEqual } from '../apply/three-way.ts';
import { yamlToJson } from '../apply/yaml-decode.ts';

export interface EditReason {
  head: string;
  other: string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** hashOnLineBreak: continue a multi-line reason as comment lines. */
function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#') r += '\n# ';
    else r += s[i];
  }
  return r;
}

/** editHeader.writeTo (normal edit mode). */
export function header(reasons: readonly EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** ManualStrip: drop comment lines (`#`, but not `#!`). */
export function manualStrip(file: string): string {
  return file
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** StripComments compared: the files as JSON when both parse as YAML, else without comment lines. */
export function sameContent(a: string, b: string): boolean {
  const ja = asJson(a);
  const jb = asJson(b);
  if (ja.ok && jb.ok) return deepEqual(ja.value, jb.value);
  if (ja.ok !== jb.ok) return false;
  return manualStrip(a) === manualStrip(b);
}

function asJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: yamlToJson(text) };
  } catch {
    return { ok: false };
  }
}

/** hasLines: any line with something other than blanks or a comment. */
export function hasLines(file: string): boolean {
  return file.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== '#';
  });
}
