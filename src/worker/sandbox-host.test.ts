import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { SandboxHost, type HostedShell } from './sandbox-host.ts';
import type { SandboxApi, TerminalCallbacks } from './protocol.ts';
import type { Terminal } from '../shell/terminal.ts';

/** A tiny stand-in shell: echoes lines, `boom` throws, `wait` blocks until Ctrl+C, `clear` clears. */
function echoShell(): HostedShell {
  return {
    async run(t: Terminal) {
      for (;;) {
        const line = await t.readLine('$ ');
        if (line === null) return;
        if (line === 'boom') throw new Error('kaput\x1b[31m');
        if (line === 'clear') t.clear();
        else if (line === 'wait')
          await new Promise<void>((resolve) => {
            const off = t.onInterrupt(() => {
              off();
              t.write('stopped\n');
              resolve();
            });
          });
        else t.write(`${line} (${t.columns} cols)\n`);
      }
    },
    complete: (line, cursor) => ({ replaceFrom: 0, candidates: [line.slice(0, cursor) + 'x'] }),
  };
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function connect(host: SandboxHost): Comlink.Remote<SandboxApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(host, port2);
  return Comlink.wrap<SandboxApi>(port1);
}

function recorder() {
  const events: string[] = [];
  let wake: () => void = () => {};
  const callbacks: TerminalCallbacks = {
    output: (d) => void events.push('out:' + d),
    prompt: (p) => {
      events.push('prompt:' + p);
      wake();
    },
    clear: () => void events.push('clear'),
  };
  const nextPrompt = () => new Promise<void>((r) => (wake = r));
  return { events, callbacks: Comlink.proxy(callbacks), nextPrompt };
}

describe('SandboxHost over comlink', () => {
  it('runs a session per terminal, streams output and prompts', async () => {
    const api = connect(new SandboxHost({ newShell: echoShell, welcome: 'Welcome\n' }));
    const a = recorder();
    const b = recorder();
    let p = a.nextPrompt();
    await api.openTerminal('a', 80, a.callbacks);
    await p;
    p = b.nextPrompt();
    await api.openTerminal('b', 40, b.callbacks);
    await p;
    p = a.nextPrompt();
    await api.input('a', 'hello');
    await p;
    expect(a.events).toEqual(['out:Welcome\n', 'prompt:$ ', 'out:hello (80 cols)\n', 'prompt:$ ']);
    expect(b.events).toEqual(['prompt:$ ']);
    await api.resize('b', 50);
    p = b.nextPrompt();
    await api.input('b', 'clear');
    await p;
    p = b.nextPrompt();
    await api.input('b', 'x');
    await p;
    expect(b.events).toEqual(['prompt:$ ', 'clear', 'prompt:$ ', 'out:x (50 cols)\n', 'prompt:$ ']);
    expect(await api.complete('a', 'ab', 1)).toEqual({ replaceFrom: 0, candidates: ['ax'] });
  });

  it('delivers Ctrl+C to the running program', async () => {
    const api = connect(new SandboxHost({ newShell: echoShell }));
    const a = recorder();
    let p = a.nextPrompt();
    await api.openTerminal('a', 80, a.callbacks);
    await p;
    p = a.nextPrompt();
    await api.input('a', 'wait');
    await api.interrupt('a');
    await p;
    expect(a.events).toEqual(['prompt:$ ', 'out:stopped\n', 'prompt:$ ']);
  });

  it('survives a shell that throws: prints an error line and starts a fresh shell', async () => {
    const host = new SandboxHost({ newShell: echoShell });
    const api = connect(host);
    const a = recorder();
    let p = a.nextPrompt();
    await api.openTerminal('a', 80, a.callbacks);
    await p;
    p = a.nextPrompt();
    await api.input('a', 'boom');
    await p;
    expect(a.events.slice(-2)).toEqual(['out:\r\nsandbox: internal error: kaput[31m\r\n', 'prompt:$ ']);
    // Other terminals still work.
    const b = recorder();
    p = b.nextPrompt();
    await api.openTerminal('b', 80, b.callbacks);
    await p;
    expect(b.events).toEqual(['prompt:$ ']);
  });

  it('sends the cluster summary to subscribers, the current one at once', async () => {
    const host = new SandboxHost({ newShell: echoShell });
    const api = connect(host);
    host.publishSummary({ nodes: 3, nodesReady: 1, pods: 0, podsRunning: 0, systemPods: 0 });
    const seen: number[] = [];
    let got: () => void = () => {};
    await api.onClusterSummary(Comlink.proxy((s) => (seen.push(s.nodesReady), got())));
    await new Promise<void>((r) => ((got = r), seen.length && r()));
    const next = new Promise<void>((r) => (got = r));
    host.publishSummary({ nodes: 3, nodesReady: 3, pods: 2, podsRunning: 1, systemPods: 0 });
    await next;
    expect(seen).toEqual([1, 3]);
  });
});
