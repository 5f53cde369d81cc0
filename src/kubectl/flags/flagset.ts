// pflag's parser (spf13/pflag flag.go: Parse, parseLongArg, parseSingleShortArg), rule for rule:
// `--f=v`, `--f v`, `-f v`, `-fv`, `-f=v`, bool groups `-abc`, `--` ending flags, and flags
// interleaved with arguments. Messages are pflag's; the caller adds kubectl's "error: " and
// "See 'kubectl get --help' for usage." (cobra's FlagErrorFunc, set in kubectl's cmd.go).

import { goQuote, goQuoteRune } from './goformat.ts';
import type { FlagDef, FlagValue } from './types.ts';
import { parseBool, parseDuration, parseInt0, readCsvLine } from './values.ts';

export class FlagError extends Error {}

export class FlagValues {
  readonly #values = new Map<string, FlagValue>();
  readonly #changed = new Set<string>();
  readonly #defs: Map<string, FlagDef>;

  constructor(defs: Map<string, FlagDef>) {
    this.#defs = defs;
    for (const d of defs.values()) this.#values.set(d.name, defaultOf(d));
  }

  /** True when the flag was given on the command line (pflag's Changed). */
  changed(name: string): boolean {
    return this.#changed.has(name);
  }
  has(name: string): boolean {
    return this.#defs.has(name);
  }
  bool(name: string): boolean {
    return this.#get(name) as boolean;
  }
  string(name: string): string {
    return this.#get(name) as string;
  }
  int(name: string): number {
    return this.#get(name) as number;
  }
  /** Milliseconds. */
  duration(name: string): number {
    return this.#get(name) as number;
  }
  strings(name: string): string[] {
    return this.#get(name) as string[];
  }

  #get(name: string): FlagValue {
    if (!this.#values.has(name)) throw new Error(`kubectl: flag --${name} is not declared by this command`);
    return this.#values.get(name)!;
  }

  /** pflag's Value.Set: converts text, appends for array types (the first use replaces the default). */
  set(def: FlagDef, text: string): void {
    let v: FlagValue;
    switch (def.type) {
      case 'bool':
        v = parseBool(text);
        break;
      case 'string':
        v = text;
        break;
      case 'int':
        v = parseInt0(text, 64);
        break;
      case 'int32':
        v = parseInt0(text, 32);
        break;
      case 'duration':
        v = parseDuration(text);
        break;
      case 'stringArray':
      case 'stringSlice': {
        const items = def.type === 'stringArray' ? [text] : readCsvLine(text);
        const prev = this.#changed.has(def.name) ? (this.#values.get(def.name) as string[]) : [];
        v = [...prev, ...items];
        break;
      }
    }
    this.#values.set(def.name, v);
    this.#changed.add(def.name);
  }
}

function defaultOf(d: FlagDef): FlagValue {
  if (d.default !== undefined) return Array.isArray(d.default) ? [...d.default] : d.default;
  switch (d.type) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return 0;
  }
}

export interface ParsedFlags {
  values: FlagValues;
  args: string[];
  /** Index in args where `--` was seen, or -1 (pflag's ArgsLenAtDash). */
  argsLenAtDash: number;
  help: boolean;
}

export const HELP_FLAG: FlagDef = { name: 'help', shorthand: 'h', type: 'bool' };

/** kubectl normalises flag names with WordSepNormalizeFunc: `--all_namespaces` is `--all-namespaces`. */
function normalize(name: string): string {
  return name.replaceAll('_', '-');
}

export class FlagSet {
  readonly #byName = new Map<string, FlagDef>();
  readonly #byShort = new Map<string, FlagDef>();

  constructor(defs: readonly FlagDef[]) {
    for (const d of [...defs, HELP_FLAG]) {
      if (this.#byName.has(d.name)) continue; // a local flag shadows a global one of the same name
      this.#byName.set(d.name, d);
      if (d.shorthand && !this.#byShort.has(d.shorthand)) this.#byShort.set(d.shorthand, d);
    }
  }

  lookup(name: string): FlagDef | undefined {
    return this.#byName.get(normalize(name));
  }
  lookupShort(ch: string): FlagDef | undefined {
    return this.#byShort.get(ch);
  }
  noOptDefVal(d: FlagDef): string | undefined {
    return d.noOptDefVal ?? (d.type === 'bool' ? 'true' : undefined);
  }

  parse(argv: readonly string[]): ParsedFlags {
    const values = new FlagValues(this.#byName);
    const args: string[] = [];
    let argsLenAtDash = -1;
    const rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift()!;
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        args.push(s);
        continue;
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          argsLenAtDash = args.length;
          args.push(...rest);
          break;
        }
        this.#parseLong(s, rest, values);
      } else {
        let shorthands = s.slice(1);
        while (shorthands.length > 0) shorthands = this.#parseShort(shorthands, rest, values);
      }
    }
    return { values, args, argsLenAtDash, help: values.bool('help') };
  }

  #parseLong(s: string, rest: string[], values: FlagValues): void {
    const body = s.slice(2);
    if (body.length === 0 || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const def = this.lookup(name);
    if (!def) throw new FlagError(`unknown flag: --${name}`);
    let value: string;
    const noOpt = this.noOptDefVal(def);
    if (eq >= 0) value = body.slice(eq + 1);
    else if (noOpt !== undefined) value = noOpt;
    else if (rest.length > 0) value = rest.shift()!;
    else throw new FlagError(`flag needs an argument: ${s}`);
    this.#set(def, value, values);
  }

  /** One shorthand letter; returns the letters still to parse. */
  #parseShort(shorthands: string, rest: string[], values: FlagValues): string {
    const c = shorthands[0];
    let out = shorthands.slice(1);
    const def = this.#byShort.get(c);
    if (!def) throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
    let value: string;
    const noOpt = this.noOptDefVal(def);
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      out = '';
    } else if (noOpt !== undefined) value = noOpt;
    else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      out = '';
    } else if (rest.length > 0) value = rest.shift()!;
    else throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
    this.#set(def, value, values);
    return out;
  }

  #set(def: FlagDef, value: string, values: FlagValues): void {
    try {
      values.set(def, value);
    } catch (e) {
      const name = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
      throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(name)} flag: ${(e as Error).message}`);
    }
  }

  /**
   * cobra's stripFlags (command.go), used to find the subcommand before flags are parsed:
   * drops flags and, for `--flag value` / `-f value` forms, the value after them.
   */
  stripFlags(argv: readonly string[]): string[] {
    const commands: string[] = [];
    const args = [...argv];
    while (args.length > 0) {
      const s = args.shift()!;
      if (s === '--') break;
      const longWithValue = s.startsWith('--') && !s.includes('=') && !this.#hasNoOpt(this.lookup(s.slice(2)));
      const shortWithValue =
        s.startsWith('-') && !s.includes('=') && s.length === 2 && !this.#hasNoOpt(this.#byShort.get(s.slice(1)));
      if (longWithValue || shortWithValue) {
        if (args.length <= 1) break;
        args.shift();
        continue;
      }
      if (s !== '' && !s.startsWith('-')) commands.push(s);
    }
    return commands;
  }

  #hasNoOpt(d: FlagDef | undefined): boolean {
    return d !== undefined && this.noOptDefVal(d) !== undefined;
  }
}
