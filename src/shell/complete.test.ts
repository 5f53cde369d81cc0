import { describe, expect, it } from 'vitest';
import { complete, registerCompleter, unregisterCompleter } from './complete.ts';
import { ShellSession } from './session.ts';

describe('complete', () => {
  const session = new ShellSession();
  session.fs.mkdir('/root/manifests');
  session.fs.writeFile('/root/manifests/svc.yaml', '');
  session.fs.writeFile('/root/notes.txt', '');

  it('completes command names at the start', async () => {
    expect(await complete(session, 'ec')).toEqual({ replaceFrom: 0, candidates: ['echo'] });
    expect((await complete(session, 'ls | hea')).candidates).toEqual(['head']);
  });

  it('completes paths, marking directories', async () => {
    expect(await complete(session, 'cat ma')).toEqual({ replaceFrom: 4, candidates: ['manifests/'] });
    expect(await complete(session, 'cat manifests/s')).toEqual({ replaceFrom: 4, candidates: ['manifests/svc.yaml'] });
    expect((await complete(session, 'cat ~/no')).candidates).toEqual(['~/notes.txt']);
  });

  it('completes variables', async () => {
    expect(await complete(session, 'echo $HO')).toEqual({ replaceFrom: 5, candidates: ['$HOME', '$HOSTNAME'] });
  });

  it('uses registered per-program completers', async () => {
    registerCompleter('kubectl', ({ words }) => (words.length === 1 ? ['get', 'describe', 'delete'] : null));
    session.programs.set('kubectl', async () => 0);
    expect(await complete(session, 'kubectl de')).toEqual({ replaceFrom: 8, candidates: ['describe', 'delete'] });
    expect((await complete(session, 'kubectl get no')).candidates).toEqual(['notes.txt']);
    unregisterCompleter('kubectl');
  });
});
