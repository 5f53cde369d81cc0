// kubectl create -f FILE (pkg/cmd/create/create.go) and its subcommands.

import { defineCommand, type Command } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import { addLastApplied, createObject, fieldValidation, validationOf } from '../../resource/create.ts';
import { createConfigMap } from './configmap.ts';
import { createDeployment } from './deployment.ts';
import { CREATE_SUBCOMMAND_FLAGS } from './flags.ts';
import { FILENAME_FLAGS, dryRunStrategy } from '../../flags/write.ts';
import { createIngress } from './ingress.ts';
import { manifestOptions, readManifests } from '../../resource/manifests.ts';
import { createNamespace } from './namespace.ts';
import { objectPrinter } from '../../printers/object-printer.ts';
import { createSecret } from './secret.ts';
import { createServiceAccount } from './serviceaccount.ts';
import { createService } from './service.ts';
import { sourceError } from '../../resource/source-error.ts';

export const create: Command = defineCommand<ReturnType<typeof completeCreate>>({
  name: 'create',
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    ...FILENAME_FLAGS,
    { name: 'edit', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'selector', shorthand: 'l', type: 'string' },
  ],
  subcommands: [createNamespace, createSecret, createConfigMap, createService, createServiceAccount, createDeployment, createIngress],
  complete: completeCreate,
  validate(_o, inv) {
    if (inv.flags.strings('filename').length === 0 && inv.flags.string('kustomize') === '') throw new CmdError('must specify one of -f and -k');
    if (inv.flags.string('kustomize') !== '') throw new CmdError('-k (kustomize) is not available in this sandbox');
    if (inv.flags.bool('edit')) throw new CmdError('--edit is not available in this sandbox; write the file, then `kubectl create -f` it');
    if (inv.flags.string('raw') !== '') throw new CmdError('--raw is not available in this sandbox');
  },
  async run(o, inv) {
    const { items, errors } = await readManifests(inv, manifestOptions(inv, fieldValidation(validationOf(inv))));
    let count = 0;
    for (const m of items) {
      addLastApplied(m.object, inv.flags.bool('save-config'), false);
      let obj = m.object;
      if (o.dryRun !== 'client') {
        try {
          obj = createObject(inv, m.mapping, m.namespace, m.object, {
            dryRun: o.dryRun,
            fieldManager: inv.flags.string('field-manager'),
            validation: validationOf(inv),
          });
        } catch (e) {
          if (!(e instanceof KubectlError)) throw e;
          errors.push(e instanceof ApiStatusError ? sourceError('creating', m.source, e) : e);
          continue;
        }
      }
      count++;
      o.printer.print(obj);
    }
    if (errors.length > 0) throw new AggregateError(errors);
    if (count === 0) throw new CmdError('no objects passed to create');
  },
});

function completeCreate(inv: Parameters<NonNullable<Command['complete']>>[0]) {
  if (inv.args.length !== 0) throw inv.usageError(`Unexpected args: [${inv.args.join(' ')}]`);
  const dryRun = dryRunStrategy(inv);
  return { dryRun, printer: objectPrinter(inv, 'created', dryRun) };
}
export default create;
