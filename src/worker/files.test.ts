import { afterEach, describe, expect, it } from 'vitest';
import { setInteractiveEditor } from '../kubectl/commands/edit/editor-hook.ts';
import { Sandbox } from '../sandbox/sandbox.ts';
import { run } from '../shell/testing.ts';
import { FilesService, withFiles } from './files.ts';
import type { FilesEvent, TerminalCallbacks } from './protocol.ts';

function setup() {
  const sb = new Sandbox({ seed: 1, clock: 'virtual' });
  const files = new FilesService(sb.laptopFs);
  const events: FilesEvent[] = [];
  void files.onFiles((e) => void events.push(e));
  return { sb, files, events, sh: sb.laptopShell() };
}

afterEach(() => setInteractiveEditor(undefined));

describe('FilesService', () => {
  it('lists home at once and pushes a new listing when a command writes a file', async () => {
    const { files, events, sh } = setup();
    expect(events).toEqual([{ type: 'tree', home: '/home/learner', entries: [] }]);
    await run('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml; mkdir m; echo x > m/a.yaml', sh);
    files.poll();
    files.poll(); // unchanged: nothing more
    expect(events).toHaveLength(2);
    const tree = events[1] as Extract<FilesEvent, { type: 'tree' }>;
    expect(tree.entries.map((e) => `${e.type} ${e.path}`)).toEqual(['dir /home/learner/m', 'file /home/learner/m/a.yaml', 'file /home/learner/web.yaml']);
  });

  it('creates, renames, writes and removes files, and refuses to overwrite', async () => {
    const { files, sb } = setup();
    await files.createFile('/home/learner/svc.yaml');
    await expect(files.createFile('/home/learner/svc.yaml')).rejects.toThrow('already exists');
    await files.writeFile('/home/learner/svc.yaml', 'kind: Service\n');
    await files.renameFile('/home/learner/svc.yaml', '/home/learner/web-svc.yaml');
    expect(sb.laptopFs.readFile('/home/learner/web-svc.yaml')).toBe('kind: Service\n');
    await files.removeFile('/home/learner/web-svc.yaml');
    expect(files.list()).toEqual([]);
  });

  it('answers kubectl edit: the page sees the temp file, saving continues the edit', async () => {
    const { files, events, sh, sb } = setup();
    setInteractiveEditor(files.editor);
    await run('kubectl create service clusterip web --tcp=80:8080', sh);
    const done = run('kubectl edit svc/web', sh);
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 20 && !events.some((e) => e.type === 'edit'); i++) await new Promise((r) => setTimeout(r, 5));
    const edit = events.find((e) => e.type === 'edit') as Extract<FilesEvent, { type: 'edit' }>;
    expect(edit.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(edit.content).toContain('# Please edit the object below.');
    await files.finishEdit(edit.session, 'saved', edit.content.replace('type: ClusterIP', 'type: NodePort'));
    expect((await done).output).toBe('service/web edited\n');
    expect(events.at(-1)).toEqual({ type: 'edit-end', session: edit.session });
    expect((await run("kubectl get svc web -o jsonpath='{.spec.type}'", sh)).output).toBe('NodePort');
    expect(sb.laptopFs.readdir('/tmp')).toEqual([]);
  });

  it('cancels a kubectl edit when the tab is closed', async () => {
    const { files, events, sh } = setup();
    setInteractiveEditor(files.editor);
    await run('kubectl create service clusterip web --tcp=80:8080', sh);
    const done = run('kubectl edit svc/web', sh);
    for (let i = 0; i < 20 && !events.some((e) => e.type === 'edit'); i++) await new Promise((r) => setTimeout(r, 5));
    const edit = events.find((e) => e.type === 'edit') as Extract<FilesEvent, { type: 'edit' }>;
    await files.finishEdit(edit.session, 'cancelled');
    expect((await done).output).toBe('Edit cancelled, no changes made.\n');
  });

  it('keeps the output of each terminal\'s last command, passing everything on', async () => {
    const files = new FilesService(new Sandbox({ seed: 1, clock: 'virtual' }).laptopFs);
    const seen: string[] = [];
    const page: TerminalCallbacks = { output: (d) => void seen.push(d), prompt: (p) => void seen.push(p), clear: () => {} };
    let tapped: TerminalCallbacks | undefined;
    const api = withFiles({ openTerminal: async (_id: string, _c: number, cb: TerminalCallbacks) => void (tapped = cb), other: () => 42 }, files);
    await api.openTerminal('t1', 80, page);
    expect(api.other()).toBe(42);
    tapped!.output('welcome\n');
    tapped!.prompt('$ ');
    tapped!.output('Error from server (Invalid): ');
    tapped!.output('bad\n');
    tapped!.prompt('$ ');
    expect(await api.lastOutput('t1')).toBe('Error from server (Invalid): bad\n');
    expect(seen).toEqual(['welcome\n', '$ ', 'Error from server (Invalid): ', 'bad\n', '$ ']);
  });
});
