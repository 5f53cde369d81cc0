// kubectl edit through the sandbox's own shell (so KUBE_EDITOR runs as a sandbox command).
// Expected texts are real kubectl 1.34's, recorded against this emulator through the HTTP facade
// with KUBE_EDITOR set to sed commands and to a script that copies the file it is given.

import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../../../sandbox/sandbox.ts';
import { run } from '../../../shell/testing.ts';
import { setInteractiveEditor } from './editor-hook.ts';
import { defaultEditor, shellWords } from './launch.ts';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

async function world() {
  const sb = new Sandbox({ seed: 1, clock: 'virtual' });
  const sh = sb.laptopShell();
  sb.laptopFs.writeFile('/home/learner/svc.yaml', SVC);
  const sh_ = async (line: string) => (await run(line, sh)).output;
  await sh_('kubectl apply -f svc.yaml');
  const tmp = () => (sb.laptopFs.isDir('/tmp') ? sb.laptopFs.readdir('/tmp') : []);
  return { sb, sh: sh_, status: async (line: string) => (await run(line, sh)).status, tmp };
}

afterEach(() => setInteractiveEditor(undefined));

describe('kubectl edit', () => {
  it('patches what the editor changed', async () => {
    const w = await world();
    expect(await w.sh('KUBE_EDITOR="sed -i s/ClusterIP/NodePort/" kubectl edit svc web')).toBe('service/web edited\n');
    expect(await w.sh("kubectl get svc web -o jsonpath='{.spec.type}'")).toBe('NodePort');
    expect(w.tmp()).toEqual([]);
  });

  it('prints the patch with --output-patch, the object with -o yaml', async () => {
    const w = await world();
    expect(await w.sh('KUBE_EDITOR="sed -i s/ClusterIP/NodePort/" kubectl edit svc web --output-patch')).toBe(
      'Patch: {"spec":{"type":"NodePort"}}\nservice/web edited\n',
    );
    const out = await w.sh('EDITOR="sed -i s/NodePort/ClusterIP/" kubectl edit svc/web -o yaml');
    expect(out.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n')).toBe(true);
    expect(out).toContain('  type: ClusterIP\n');
  });

  it('offers the object with kubectl\'s header, and cancels when nothing changed', async () => {
    const w = await world();
    let seen = '';
    let path = '';
    setInteractiveEditor(async (p, ctx) => {
      path = p;
      seen = ctx.fs.readFile(p);
      return 'cancelled';
    });
    expect(await w.sh('kubectl edit svc web')).toBe('Edit cancelled, no changes made.\n');
    expect(path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(seen).toMatch(
      /^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    kubectl.kubernetes.io\/last-applied-configuration: \|\n/,
    );
    expect(w.tmp()).toEqual([]);
  });

  it('edits JSON without a header for -o json', async () => {
    const w = await world();
    let seen = '';
    let path = '';
    setInteractiveEditor(async (p, ctx) => {
      path = p;
      seen = ctx.fs.readFile(p);
      return 'cancelled';
    });
    expect(await w.sh('kubectl edit svc/web -o json')).toBe('Edit cancelled, no changes made.\n');
    expect(path).toMatch(/\.json$/);
    expect(seen.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n')).toBe(true);
  });

  it('the browser editor saves through the hook', async () => {
    const w = await world();
    setInteractiveEditor(async (p, ctx) => {
      ctx.fs.writeFile(p, ctx.fs.readFile(p).replace('app: web\n  sessionAffinity', 'app: api\n  sessionAffinity'));
      return 'saved';
    });
    expect(await w.sh('kubectl edit svc web')).toBe('service/web edited\n');
    expect(await w.sh("kubectl get svc web -o jsonpath='{.spec.selector.app}'")).toBe('api');
  });

  it('reopens an invalid edit with the reasons, and keeps the file when it is saved unchanged', async () => {
    const w = await world();
    const opened: string[] = [];
    setInteractiveEditor(async (p, ctx) => {
      opened.push(ctx.fs.readFile(p));
      if (opened.length === 1) ctx.fs.writeFile(p, opened[0].replace(/^ {4}port: 80$/m, '    port: 99999').replace(/^  - port: 80$/m, '  - port: 99999'));
      return 'saved';
    });
    const out = await w.sh('kubectl edit svc web');
    // Both passes' files stay, as with kubectl: the short-circuit returns before the first is removed.
    const files = w.tmp().map((f) => `/tmp/${f}`);
    expect(files).toHaveLength(2);
    const kept = files.find((f) => w.sb.laptopFs.readFile(f).includes('was not valid'));
    expect(out).toBe(
      `error: services "web" is invalid\nA copy of your changes has been stored to "${kept}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    );
    expect(opened[1]).toContain(
      `#\n# services "web" was not valid:\n# * spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n#\napiVersion: v1\n`,
    );
    expect(await w.status('KUBE_EDITOR=true kubectl edit svc web')).toBe(0);
  });

  it('reports a file that does not parse as failing validation', async () => {
    const w = await world();
    const opened: string[] = [];
    setInteractiveEditor(async (p, ctx) => {
      opened.push(ctx.fs.readFile(p));
      if (opened.length === 1) ctx.fs.writeFile(p, opened[0].replace(/^kind: Service$/m, 'kind: Service\n  bad: x'));
      return 'saved';
    });
    const out = await w.sh('kubectl edit svc web');
    expect(out.split('\n')[0]).toBe('error: services "web" is invalid');
    expect(opened[1]).toContain(
      '# services "web" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": yaml: line 3: mapping values are not allowed in this context\n#\n',
    );
  });

  it('treats an emptied file as invalid unless validation is off', async () => {
    // Real kubectl 1.34: ValidateBytes of nothing says "invalid object to validate".
    const w = await world();
    const out = await w.sh('KUBE_EDITOR="sed -i /./d" kubectl edit svc web');
    expect(out.replace(/kubectl-edit-\d+/, 'kubectl-edit-N')).toBe(
      'error: services "web" is invalid\nA copy of your changes has been stored to "/tmp/kubectl-edit-N.yaml"\nerror: Edit cancelled, no valid changes were saved.\n',
    );
    expect(await w.sh('KUBE_EDITOR="sed -i /./d" kubectl edit svc web --validate=false')).toBe('Edit cancelled, saved file was empty.\n');
    expect(await w.sh('KUBE_EDITOR=true kubectl edit svc web -n nope')).toBe('Error from server (NotFound): namespaces "nope" not found\n');
  });

  it('fails as kubectl does when the editor cannot run', async () => {
    const w = await world();
    expect(await w.sh('KUBE_EDITOR=nonexist kubectl edit svc web')).toBe('error: unable to launch the editor "nonexist"\n');
    expect(await w.sh('KUBE_EDITOR=false kubectl edit svc web')).toBe('error: there was a problem with the editor "false"\n');
    const noEditor = await w.sh('kubectl edit svc web');
    expect(noEditor.startsWith('error: unable to launch the editor "vi"\nhint: ')).toBe(true);
    expect(await w.sh('kubectl edit svc nothere')).toBe('Error from server (NotFound): services "nothere" not found\n');
    expect(await w.sh('kubectl edit')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(await w.sh('KUBE_EDITOR=true kubectl edit svc web -o name')).toBe(
      'error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n',
    );
  });
});

describe('editor command line (editor.go defaultEnvEditor)', () => {
  it('splits as kubectl does', () => {
    expect(defaultEditor({ KUBE_EDITOR: 'nano' })).toEqual({ args: ['nano'], shell: false });
    expect(defaultEditor({ EDITOR: 'sed -i s/a/b/' })).toEqual({ args: ['sed', '-i', 's/a/b/'], shell: false });
    expect(defaultEditor({ KUBE_EDITOR: "sh -c 'exit 3'", EDITOR: 'vi' })).toEqual({ args: ['/bin/bash', '-c', "sh -c 'exit 3'"], shell: true });
    expect(defaultEditor({})).toBeUndefined();
    expect(shellWords(`sed -i 's/a b/c/' "x\\"y" z\\ w`)).toEqual(['sed', '-i', 's/a b/c/', 'x"y', 'z w']);
  });
});
