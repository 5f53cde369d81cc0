// The patch text as kubectl reads it (pkg/cmd/patch/patch.go): -p or --patch-file, then
// apimachinery's yaml.ToJSON, which passes JSON-looking text through untouched (the server then
// judges it) and converts YAML, failing with go-yaml's words.

import { CmdError } from '../../errors.ts';
import { goQuote } from '../../flags/index.ts';
import type { Invocation } from '../../command.ts';
import { YamlSyntaxError, yamlToJson } from '../../resource/yaml-decode.ts';

/** What the server would say about text that is not JSON (encoding/json's SyntaxError). */
export class BadJsonPatch extends Error {}

/** Patch types by --type, with the Content-Type each sends. */
export const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export function readPatchText(inv: Invocation, patch: string, file: string): string {
  if (!file) return patch;
  const fs = inv.ctx.fs;
  if (!fs.exists(file) || fs.isDir(file))
    throw new CmdError(`unable to read patch file: ${fs.isDir(file) ? `read ${file}: is a directory` : `open ${file}: no such file or directory`}`);
  return fs.readFile(file);
}

/**
 * The patch as a JSON value. `shown` is what kubectl quotes in its parse error: the -p text
 * (empty for --patch-file, as kubectl quotes o.Patch).
 */
export function parsePatch(text: string, shown: string): unknown {
  const trimmed = text.replace(/^[\s]+/, '');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new BadJsonPatch(text);
    }
  }
  try {
    // Line numbers as for a file: go-yaml counts the end of the -p text as the next line.
    return yamlToJson(text.endsWith('\n') ? text : text + '\n');
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    // YAMLToJSON reports go-yaml's error without the Unmarshal wrapper's prefix.
    throw new CmdError(`unable to parse ${goQuote(shown)}: ${e.message.replace(/^error converting YAML to JSON: /, '')}`);
  }
}
