// What a kubectl command is: a declarative flag table and kubectl's three steps —
// complete (fill options from flags and args), validate (pure checks with kubectl's exact
// messages), run (talk to the API, print). See README.md for how to add one.

import type { ApiClient } from '../cluster/apiserver/client.ts';
import type { Output, ProcessContext } from '../shell/program.ts';
import type { SandboxKubeconfig } from './config.ts';
import { UsageError } from './errors.ts';
import type { FlagDef, FlagValues } from './flags/index.ts';
import type { Discovery } from './resource/discovery.ts';
import type { Mapper } from './resource/mapper.ts';
import type { Rest } from './resource/rest.ts';

export interface Invocation {
  readonly ctx: ProcessContext;
  /** `kubectl get`, `kubectl config view`: used in messages. */
  readonly commandPath: string;
  readonly args: string[];
  /** pflag's ArgsLenAtDash: index in args where `--` was, or -1. */
  readonly argsLenAtDash: number;
  readonly flags: FlagValues;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly signal: AbortSignal;
  readonly config: SandboxKubeconfig;
  /** -n, else the context's namespace, else `default`. */
  readonly namespace: string;
  /** True when -n/--namespace was given (kubectl's enforceNamespace). */
  readonly explicitNamespace: boolean;
  /** The cluster, reached lazily so that client-only commands never touch it. */
  client(): ApiClient;
  rest(): Rest;
  discovery(): Discovery;
  mapper(): Mapper;
  /** cmdutil.UsageErrorf for this command. */
  usageError(msg: string): UsageError;
}

export interface Command<O = unknown> {
  name: string;
  aliases?: string[];
  /** Local flags. Global flags (-n, --context, …) are added by the root. */
  flags?: readonly FlagDef[];
  /**
   * Subcommands (`kubectl config view`). A command with subcommands and no run is cmdutil's
   * DefaultSubCommandRun: its help, then exit 1.
   */
  subcommands?: readonly Command[];
  /** Where DefaultSubCommandRun prints the help: stderr for most, stdout for `rollout`. */
  helpOut?: 'stdout' | 'stderr';
  complete?(inv: Invocation): O | Promise<O>;
  validate?(o: O, inv: Invocation): void;
  run?(o: O, inv: Invocation): Promise<number | void> | number | void;
}

/** Keeps the options type of a command while the registry holds `Command<unknown>`. */
export function defineCommand<O>(c: Command<O>): Command {
  return c as Command;
}
