import { describe, expect, it } from 'vitest';
import { ShellSession } from './session.ts';
import { MemoryTerminal, run, runRepl } from './testing.ts';
import type { Program } from './program.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('REPL', () => {
  it('shows PS1 like learner@laptop:~$ and tracks cd', async () => {
    const { output } = await runRepl(['cd /tmp', 'pwd', 'exit']);
    expect(output).toBe('learner@laptop:~$ cd /tmp\nlearner@laptop:/tmp$ pwd\n/tmp\nlearner@laptop:/tmp$ exit\nexit\n');
  });

  it('asks for continuation lines with "> "', async () => {
    const term = new MemoryTerminal(['for x in a b', 'do echo $x', 'done', 'echo "one', 'two"']);
    const session = new ShellSession();
    await session.repl(term);
    expect(term.prompts).toEqual(['learner@laptop:~$ ', '> ', '> ', 'learner@laptop:~$ ', '> ', 'learner@laptop:~$ ']);
    expect(term.output).toContain('a\nb\n');
    expect(term.output).toContain('one\ntwo\n');
    expect(session.history).toEqual(['for x in a b\ndo echo $x\ndone', 'echo "one\ntwo"']);
  });

  it('reads a here-document across lines', async () => {
    const { output } = await runRepl(['cat <<EOF', 'hello $USER', 'EOF']);
    expect(output).toContain('hello learner\n');
  });

  it('exit N ends the loop with N; Ctrl+D ends it with the last status', async () => {
    expect((await runRepl(['exit 3', 'echo never'])).status).toBe(3);
    const r = await runRepl(['false']);
    expect(r.status).toBe(1);
    expect(r.output.endsWith('exit\n')).toBe(true);
  });

  it('a nested session returns to its parent', async () => {
    const session = new ShellSession();
    const inner: Program = async (ctx) => new ShellSession().repl(ctx.terminal!, { announceExit: false });
    session.programs.set('podshell', inner);
    const term = new MemoryTerminal(['podshell', 'exit 7', 'echo back $?', 'exit']);
    await session.repl(term);
    expect(term.output).toContain('back 7\n');
  });

  it('prints syntax errors as interactive bash', async () => {
    const { output, session } = await runRepl([';;', 'echo $?']);
    expect(output).toContain("bash: syntax error near unexpected token `;;'\n");
    expect(output).toContain('\n2\n');
    expect(session.lastStatus).toBe(0);
  });

  it('history lists lines as bash does (%5d  %s)', async () => {
    const { output } = await runRepl(['echo a', 'history']);
    expect(output).toContain('    1  echo a\n    2  history\n');
  });
});

describe('command not found', () => {
  it('prints the bash line, then a hint for near misses', async () => {
    const session = new ShellSession();
    session.programs.set('kubectl', async () => 0);
    const r = await run('kubeclt get pods', session);
    expect(r.output).toBe("bash: kubeclt: command not found\nhint: did you mean 'kubectl'?\n");
    expect(r.status).toBe(127);
    expect((await run('frobnicate', session)).output).toBe('bash: frobnicate: command not found\n');
  });
});

describe('pipes stream', () => {
  it("a program's output reaches the next one as it is written", async () => {
    const session = new ShellSession();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    session.programs.set('slowly', async (ctx) => {
      ctx.stdout.write('first\n');
      await gate;
      ctx.stdout.write('second\n');
      return 0;
    });
    const term = new MemoryTerminal([], { echo: false });
    const done = session.runLine('slowly | grep -v x', term);
    await tick(5);
    expect(term.output).toBe('first\n');
    release();
    await done;
    expect(term.output).toBe('first\nsecond\n');
  });

  it('head ends an endless producer (broken pipe)', async () => {
    const r = await run('while true; do echo y; done | head -n 2; echo $?');
    expect(r.output).toBe('y\ny\n0\n');
  });

  it('programs can run commands through ctx.exec (xargs)', async () => {
    expect((await run('echo a b | xargs -n1 echo item')).output).toBe('item a\nitem b\n');
  });
});

describe('Ctrl+C', () => {
  it('stops an infinite loop with ^C and status 130', async () => {
    const session = new ShellSession();
    const term = new MemoryTerminal([], { echo: false });
    const done = session.runLine('while true; do echo y; done', term);
    await tick(20);
    term.interrupt();
    expect(await done).toBe(130);
    expect(term.output.endsWith('^C\n')).toBe(true);
    expect(term.output.startsWith('y\ny\n')).toBe(true);
    expect(session.lastStatus).toBe(130);
  });

  it('stops sleep', async () => {
    const session = new ShellSession();
    const term = new MemoryTerminal([], { echo: false });
    const done = session.runLine('sleep 100; echo after', term);
    await tick(5);
    term.interrupt();
    expect(await done).toBe(130);
    expect(term.output).toBe('^C\n');
  });

  it('bounds loops that would run forever', async () => {
    const session = new ShellSession({ maxLoopIterations: 500 });
    const r = await run('while true; do :; done', session);
    expect(r.output).toBe('bash: loop stopped after 500 iterations (sandbox limit)\n');
    expect(r.status).toBe(1);
  });
});

describe('background jobs', () => {
  it('prints [N] PID, lists with jobs, and notices Done at the next prompt', async () => {
    const session = new ShellSession({ firstPid: 100 });
    const term = new MemoryTerminal([], { echo: false });
    await session.runLine('sleep 0.02 &', term);
    expect(term.take()).toBe('[1] 101\n');
    await session.runLine('jobs', term);
    expect(term.take()).toBe('[1]+  Running                 sleep 0.02 &\n');
    await tick(40);
    session.flushNotices(term);
    expect(term.take()).toBe('[1]+  Done                    sleep 0.02\n');
    session.flushNotices(term);
    expect(term.take()).toBe('');
  });

  it('kill %N terminates; the notice says Terminated with - for the previous job', async () => {
    const session = new ShellSession({ firstPid: 10 });
    const term = new MemoryTerminal([], { echo: false });
    await session.runLine('sleep 100 &', term);
    await session.runLine('sleep 100 &', term);
    term.take();
    await session.runLine('kill %1', term);
    await tick(5);
    session.flushNotices(term);
    expect(term.take()).toBe('[1]-  Terminated              sleep 100\n');
    await session.runLine('kill %3; kill 99999', term);
    expect(term.take()).toBe('bash: kill: %3: no such job\nbash: kill: (99999) - No such process\n');
    await session.runLine('kill 12', term);
    await tick(5);
    session.flushNotices(term);
    expect(term.take()).toBe('[2]+  Terminated              sleep 100\n');
  });

  it('fg prints the command and waits; Ctrl+C stops it', async () => {
    const session = new ShellSession();
    const term = new MemoryTerminal([], { echo: false });
    await session.runLine('sleep 100 &', term);
    term.take();
    const done = session.runLine('fg', term);
    await tick(5);
    term.interrupt();
    expect(await done).toBe(130);
    expect(term.take()).toBe('sleep 100\n^C\n');
    await session.runLine('fg %5', term);
    expect(term.take()).toBe('bash: fg: %5: no such job\n');
  });

  it('background output goes to the terminal', async () => {
    const session = new ShellSession();
    const term = new MemoryTerminal([], { echo: false });
    await session.runLine('(sleep 0.01; echo later) &', term);
    await tick(30);
    expect(term.output).toContain('later\n');
  });
});

describe('environment', () => {
  it('programs see exported variables only', async () => {
    const session = new ShellSession();
    let seen: Record<string, string> = {};
    session.programs.set('show', async (ctx) => ((seen = ctx.env), 0));
    await run('A=1; export B=2; C=3 show', session);
    expect(seen.A).toBeUndefined();
    expect(seen.B).toBe('2');
    expect(seen.C).toBe('3');
    expect(seen.HOME).toBe('/root');
  });

  it('redirections write into the virtual files', async () => {
    const session = new ShellSession();
    await run('echo one > /tmp/f; echo two >> /tmp/f; ls /nope 2> /tmp/err', session);
    expect(session.fs.readFile('/tmp/f')).toBe('one\ntwo\n');
    expect(session.fs.readFile('/tmp/err')).toBe("ls: cannot access '/nope': No such file or directory\n");
  });

  it('ls lays out names in columns on a terminal', async () => {
    const session = new ShellSession();
    await run('touch alpha beta gamma', session);
    expect((await run('ls', session)).output).toBe('alpha  beta  gamma\n');
  });

  it('cat of a file with an ESC shows ^[', async () => {
    const session = new ShellSession();
    session.fs.writeFile('evil', 'x\x1b]0;pwned\x07y\n');
    expect((await run('cat evil', session)).output).toBe('x^[]0;pwned^Gy\n');
  });

  it('reads stdin from the terminal when nothing is piped', async () => {
    const session = new ShellSession();
    const term = new MemoryTerminal(['hello', 'world'], { echo: false });
    await session.runLine('cat | tr a-z A-Z', term);
    expect(term.output).toBe('HELLO\nWORLD\n');
  });

  it('which and type', async () => {
    const session = new ShellSession();
    session.programs.set('kubectl', async () => 0);
    expect((await run('which kubectl ls cd', session)).output).toBe('/usr/local/bin/kubectl\n/usr/bin/ls\n');
    expect((await run('type ls kubectl echo', session)).output).toBe(
      'ls is /usr/bin/ls\nkubectl is /usr/local/bin/kubectl\necho is a shell builtin\n',
    );
  });

  it('help says it is the sandbox help', async () => {
    const out = (await run('help')).output;
    expect(out).toMatch(/^Kube Sandbox help/);
    expect(out).toContain('kubectl');
  });
});
