// Client-side behaviour, every expected text recorded from real kubectl 1.34.5 (no server needed).

import { describe, expect, it } from 'vitest';
import { kubectl } from './testing/harness.ts';

const seeGet = "See 'kubectl get --help' for usage.\n";

describe('flag errors (pflag via cobra)', () => {
  it.each([
    ['get --foo', 'error: unknown flag: --foo\n' + seeGet],
    ['get -z', "error: unknown shorthand flag: 'z' in -z\n" + seeGet],
    ['get -Az', "error: unknown shorthand flag: 'z' in -z\n" + seeGet],
    ['get -zA', "error: unknown shorthand flag: 'z' in -zA\n" + seeGet],
    ['get -n', "error: flag needs an argument: 'n' in -n\n" + seeGet],
    ['get --namespace', 'error: flag needs an argument: --namespace\n' + seeGet],
    ['get -o', "error: flag needs an argument: 'o' in -o\n" + seeGet],
    ['get ---x', 'error: bad flag syntax: ---x\n' + seeGet],
    ['get -A=foo', 'error: invalid argument "foo" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "foo": invalid syntax\n' + seeGet],
    ['get --all-namespaces=foo', 'error: invalid argument "foo" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "foo": invalid syntax\n' + seeGet],
    ['get pods -v=x', 'error: invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax\n' + seeGet],
    ['get pods --v', 'error: flag needs an argument: --v\n' + seeGet],
    ['get -h --foo', 'error: unknown flag: --foo\n' + seeGet],
    ['--foo=1 get', 'error: unknown flag: --foo\n' + seeGet],
    ['--foo get', "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n"],
    ['version --foo', "error: unknown flag: --foo\nSee 'kubectl version --help' for usage.\n"],
    ['version --client --short', "error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n"],
  ])('kubectl %s', async (line, stderr) => {
    const r = await kubectl(null, line);
    expect(r).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe('unknown commands and plugins', () => {
  it.each([
    ['foo', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n'],
    ['gt', 'error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n'],
    ['ge', 'error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n'],
    ['desc', 'error: unknown command "desc" for "kubectl"\n\nDid you mean this?\n\tdescribe\n'],
    ['hel', 'error: unknown command "hel" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n'],
    ['alph', 'error: unknown command "alph" for "kubectl"\n\nDid you mean this?\n\tauth\n'],
    ['optio', 'error: unknown command "optio" for "kubectl"\n\nDid you mean this?\n\toptions\n'],
    ['apply-resources', 'error: unknown command "apply-resources" for "kubectl"\n'],
    ['foo --help', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n'],
    ['-n x foo', 'Error: flags cannot be placed before plugin name: -n\n'],
    ['--namespace x foo', 'Error: flags cannot be placed before plugin name: --namespace\n'],
    ['--generator=run-pod/v1 tmp-shell', 'Error: flags cannot be placed before plugin name: --generator=run-pod/v1\n'],
  ])('kubectl %s', async (line, stderr) => {
    const r = await kubectl(null, line);
    expect(r).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe('help', () => {
  it('bare kubectl and `-n x` print the root help', async () => {
    for (const line of ['', '-n x']) {
      const r = await kubectl(null, line);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n')).toBe(true);
      expect(r.stdout.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    }
  });
  it('version -h', async () => {
    const r = await kubectl(null, 'version -h');
    expect(r.stdout).toBe(
      'Print the client and server version information for the current context.\n\nExamples:\n  # Print the client and server versions for the current context\n  kubectl version\n\nOptions:\n    --client=false:\n\tIf true, shows client version only (no server required).\n\n    -o, --output=\'\':\n\tOne of \'yaml\' or \'json\'.\n\nUsage:\n  kubectl version [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });
  it('options shows $HOME in --cache-dir', async () => {
    const r = await kubectl(null, 'options');
    expect(r.stdout).toContain("    --cache-dir='/root/.kube/cache':\n\tDefault cache directory\n");
  });
});

describe('client-only commands', () => {
  it('version --client', async () => {
    expect(await kubectl(null, 'version --client')).toEqual({ code: 0, stdout: 'Client Version: v1.34.5\nKustomize Version: v5.7.1\n', stderr: '' });
  });
  it('version --client -o yaml', async () => {
    const r = await kubectl(null, 'version --client -o yaml');
    expect(r.stdout).toBe(
      'clientVersion:\n  buildDate: "2026-02-26T20:06:18Z"\n  compiler: gc\n  gitCommit: ebfac057369b21558006b8815821ab2fb1e29f2d\n  gitTreeState: clean\n  gitVersion: v1.34.5\n  goVersion: go1.24.13\n  major: "1"\n  minor: "34"\n  platform: linux/amd64\nkustomizeVersion: v5.7.1\n\n',
    );
  });
  it('version --client --output=x', async () => {
    expect(await kubectl(null, 'version --client --output=x')).toEqual({ code: 1, stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n" });
  });
  it('get without a resource', async () => {
    const r = await kubectl(null, 'get');
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });
  it('--context must name the sandbox context', async () => {
    const r = await kubectl({ request: () => ({ status: 200, body: {} }), watch: () => ({ stop() {} }), stream: () => ({ write() {}, closeWrite() {}, close() {} }) }, 'get --context=foo pods');
    expect(r.stderr).toBe('Error in configuration: context was not found for specified context: foo\n');
  });
  it('unimplemented commands say so', async () => {
    expect((await kubectl(null, 'certificate approve x')).stderr).toBe('error: "kubectl certificate" is not available in this sandbox\n');
  });
  it('a typographic dash gets a hint after the faithful error', async () => {
    const r = await kubectl(null, ['get', 'pods', '—foo', '--bar']);
    expect(r.stderr.split('\n')[0]).toBe('error: unknown flag: --bar');
    expect(r.stderr).toMatch(/\nhint: "—foo" starts with a typographic dash/);
  });
});

describe('a command with subcommands run without one (cmdutil.DefaultSubCommandRun)', () => {
  it('prints its help on stderr and exits 1; rollout prints on stdout', async () => {
    const svc = await kubectl(null, 'create service');
    expect([svc.code, svc.stdout]).toEqual([1, '']);
    expect(svc.stderr).toMatch(/^Create a service using a specified subcommand\.\n/);
    const rollout = await kubectl(null, 'rollout');
    expect([rollout.code, rollout.stderr]).toEqual([1, '']);
    expect(rollout.stdout).toMatch(/^Manage the rollout of one or many resources\./);
  });
  it('joins every argument into the unknown command', async () => {
    expect(await kubectl(null, 'create secret nope x')).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: unknown command "nope x"\nSee 'kubectl create secret -h' for help and examples\n`,
    });
  });
});
