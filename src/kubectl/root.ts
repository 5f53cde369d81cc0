// kubectl's root: find the command as cobra does (Find/stripFlags), reject plugin-looking
// misuse as kubectl's plugin handler does, parse flags with pflag's rules, print help, then run
// complete → validate → run with every error going through checkErr.

import type { ApiClient } from '../cluster/apiserver/client.ts';
import type { ProcessContext } from '../shell/program.ts';
import type { Command, Invocation } from './command.ts';
import { DEFAULT_KUBECONFIG, type SandboxKubeconfig } from './config.ts';
import { checkErr, CmdError, KubectlError, RawError, UsageError } from './errors.ts';
import { FlagError, FlagSet, GLOBAL_FLAGS } from './flags/index.ts';
import { helpText } from './help/index.ts';
import { loadKubeconfig } from './kubeconfig-file.ts';
import { hintsForArgv } from './hints.ts';
import { KUBECTL_COMMANDS } from './known.ts';
import { Discovery } from './resource/discovery.ts';
import { Mapper } from './resource/mapper.ts';
import { Rest } from './resource/rest.ts';
import { suggestionText } from './suggest.ts';

export interface KubectlOptions {
  commands: readonly Command[];
  getClient: (ctx: ProcessContext) => ApiClient;
  kubeconfig?: (ctx: ProcessContext) => SandboxKubeconfig;
}

const ROOT_FLAGS = new FlagSet(GLOBAL_FLAGS);

export async function runKubectl(ctx: ProcessContext, opts: KubectlOptions): Promise<number> {
  const argv = ctx.argv.slice(1);
  const byName = new Map<string, Command>();
  for (const c of opts.commands) for (const n of [c.name, ...(c.aliases ?? [])]) byName.set(n, c);

  // cobra Find, one level at a time: the first non-flag word names a subcommand.
  const words = ROOT_FLAGS.stripFlags(argv);
  let path: string[] = [];
  let cmd: Command | undefined;
  let rest = argv;
  if (words.length > 0) {
    const first = words[0];
    if (first === 'help') return printHelp(ctx, words.slice(1).join(' '));
    if (!byName.has(first) && !KUBECTL_COMMANDS.includes(first)) {
      // kubectl's plugin handler runs first: it refuses flags before a would-be plugin name.
      if (argv[0].startsWith('-')) {
        ctx.stderr.write(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
        return 1;
      }
      return checkErr(
        new RawError(`error: unknown command "${first}" for "kubectl"${suggestionText(first, KUBECTL_COMMANDS)}`),
        ctx.stderr,
      );
    }
    path = [first];
    cmd = byName.get(first);
    rest = removeFirst(argv, first);
    // Nested subcommands (`config view`).
    while (cmd?.subcommands?.length) {
      const flags = new FlagSet([...GLOBAL_FLAGS, ...(cmd.flags ?? [])]);
      const w = flags.stripFlags(rest)[0];
      const sub = cmd.subcommands.find((s) => s.name === w || s.aliases?.includes(w ?? ''));
      if (!sub) break;
      path.push(sub.name);
      cmd = sub;
      rest = removeFirst(rest, w);
    }
  }
  const commandPath = ['kubectl', ...path].join(' ');

  const flagSet = new FlagSet([...(cmd?.flags ?? []), ...GLOBAL_FLAGS]);
  let parsed;
  try {
    parsed = flagSet.parse(rest);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    const err = new CmdError(`${e.message}\nSee '${commandPath} --help' for usage.`);
    for (const h of hintsForArgv(argv, e.message)) err.withHint(h);
    return checkErr(err, ctx.stderr);
  }
  if (parsed.help || path.length === 0) return printHelp(ctx, path.join(' '));
  if (!cmd) return checkErr(new CmdError(`"${commandPath}" is not available in this sandbox`), ctx.stderr);
  if (!cmd.run) {
    // cmdutil.DefaultSubCommandRun: RequireNoArguments (all args joined), then help and exit 1.
    if (parsed.args.length > 0) return checkErr(new UsageError(commandPath, `unknown command "${parsed.args.join(' ')}"`), ctx.stderr);
    const code = await printHelp(ctx, path.join(' '), cmd.helpOut === 'stdout' ? ctx.stdout : ctx.stderr);
    return code === 0 ? 1 : code;
  }

  const config = loadKubeconfig(ctx, opts.kubeconfig?.(ctx) ?? DEFAULT_KUBECONFIG);
  const flags = parsed.values;
  const nsFlag = flags.string('namespace');
  let client: ApiClient | undefined;
  let rest_: Rest | undefined;
  let discovery: Discovery | undefined;
  let mapper: Mapper | undefined;
  const inv: Invocation = {
    ctx,
    commandPath,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    flags,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    signal: ctx.signal,
    config,
    namespace: nsFlag || config.namespace || 'default',
    explicitNamespace: nsFlag !== '',
    client: () => {
      if (!client) {
        checkClientConfig(inv);
        client = opts.getClient(ctx);
      }
      return client;
    },
    rest: () => (rest_ ??= new Rest(inv.client(), (s) => ctx.stderr.write(s))),
    discovery: () => (discovery ??= new Discovery(inv.rest())),
    mapper: () => (mapper ??= new Mapper(inv.discovery())),
    usageError: (msg) => new UsageError(commandPath, msg),
  };
  try {
    const o = cmd.complete ? await cmd.complete(inv) : undefined;
    cmd.validate?.(o, inv);
    const code = await cmd.run(o, inv);
    return code ?? 0;
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') return 130;
    if (e instanceof KubectlError) for (const h of hintsForArgv(argv, e.message)) e.withHint(h);
    return checkErr(e, ctx.stderr);
  }
}

/** The kubeconfig checks kubectl makes when it builds a client (clientcmd). */
function checkClientConfig(inv: Invocation): void {
  const context = inv.flags.string('context');
  if (context && context !== inv.config.currentContext)
    throw new RawError(`Error in configuration: context was not found for specified context: ${context}`);
  const kubeconfig = inv.flags.string('kubeconfig');
  const home = inv.ctx.env.HOME || '/root';
  if (kubeconfig && kubeconfig !== `${home}/.kube/config` && kubeconfig !== '~/.kube/config')
    throw new CmdError(`stat ${kubeconfig}: no such file or directory`);
}

function removeFirst(args: readonly string[], word: string): string[] {
  const i = args.indexOf(word);
  return i < 0 ? [...args] : [...args.slice(0, i), ...args.slice(i + 1)];
}

async function printHelp(ctx: ProcessContext, path: string, out = ctx.stdout): Promise<number> {
  const text = await helpText(path, ctx.env.HOME || '/root');
  if (text === undefined) {
    ctx.stderr.write(`error: help for "kubectl ${path}" is not available in this sandbox\n`);
    return 1;
  }
  out.write(text);
  return 0;
}
