// The --for conditions of kubectl wait (wait.go conditionFuncFor, ConditionalWait.checkCondition,
// JSONPathWait): each parsed once into a pure check of an object, or `delete`.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { CmdError } from '../../errors.ts';
import { executeJsonPathValues } from '../../printers/jsonpath.ts';

export type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: (obj: KObject) => boolean };

const JSONPATH_FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";

/** cmdget.RelaxedJSONPathExpression. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new CmdError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

/** splitJSONPathInput: split on single `=`, keeping `==`. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

export function parseCondition(forFlag: string): Condition {
  const lower = forFlag.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (forFlag.startsWith('condition=')) {
    let name = forFlag.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: 'check', check: (obj) => conditionMet(obj, name, value) };
  }
  if (forFlag.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(forFlag.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new CmdError(JSONPATH_FORMAT);
    const expr = relaxedJsonPath(parts[0]);
    if (parts.length === 1) return { kind: 'check', check: (obj) => jsonPathMet(obj, expr, undefined) };
    const value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new CmdError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    return { kind: 'check', check: (obj) => jsonPathMet(obj, expr, value) };
  }
  throw new CmdError(`unrecognized condition: ${JSON.stringify(forFlag)}`);
}

/** ConditionalWait.checkCondition: type and status compared case-insensitively; a stale condition does not count. */
function conditionMet(obj: KObject, name: string, value: string): boolean {
  for (const c of obj.status?.conditions ?? []) {
    if (typeof c?.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    if (generation !== undefined) {
      const observed = c.observedGeneration ?? obj.status?.observedGeneration;
      if (observed !== undefined && observed < generation) return false;
    }
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

function jsonPathMet(obj: KObject, expr: string, value: string | undefined): boolean {
  const results = executeJsonPathValues(expr, obj);
  if (results.length === 0) return false;
  if (results.length > 1) throw new CmdError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const r = results[0];
  if (typeof r === 'object' && r !== null) throw new CmdError('jsonpath leads to a nested object or list which is not supported');
  return String(r) === value;
}
