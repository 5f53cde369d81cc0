// kubectl set image (pkg/cmd/set/set_image.go).

import { defineCommand } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunStrategy, fieldManagerFlag, type DryRun } from '../../flags/write.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { selectTargets, type Target } from '../../resource/targets.ts';
import { patchAll } from './patches.ts';
import { parsePairs, resourcesAndPairs } from './pairs.ts';
import { podSpecOf, type Container } from '../../polymorphic/podspec.ts';

/** resource.LocalResourceError. */
const LOCAL_RESOURCE_ERROR = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
  local: boolean;
  resources: string[];
  images: Map<string, string>;
  targets: Target[];
}

export const image = defineCommand<Options>({
  name: 'image',
  flags: [
    ...PRINT_FLAGS,
    { name: 'record', type: 'bool' },
    ...FILENAME_FLAGS,
    { name: 'all', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'local', type: 'bool' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
  ],
  async complete(inv) {
    const f = inv.flags;
    const dryRun = dryRunStrategy(inv);
    const printer = objectPrinter(inv, 'image updated', dryRun);
    const { resources, pairs } = resourcesAndPairs(inv.args, 'image');
    const images = parsePairs(pairs, 'image');
    const local = f.bool('local');
    let targets: Target[] = [];
    if (local) {
      if (resources.length > 0) throw new CmdError(LOCAL_RESOURCE_ERROR);
      const sel = await selectTargets(inv, [], { filenames: f.strings('filename'), recursive: f.bool('recursive') });
      if (sel.errors.length > 0) throw new AggregateError(sel.errors);
      targets = sel.targets;
    } else {
      const sel = await selectTargets(inv, resources, { filenames: f.strings('filename'), recursive: f.bool('recursive'), selector: f.string('selector'), all: f.bool('all'), fetch: true });
      if (sel.errors.length > 0) throw new AggregateError(sel.errors);
      targets = sel.targets;
    }
    return { dryRun, printer, local, resources, images, targets };
  },
  validate(o, inv) {
    const errs: Error[] = [];
    if (inv.flags.bool('all') && inv.flags.string('selector')) errs.push(new CmdError('cannot set --all and --selector at the same time'));
    if (o.resources.length < 1 && inv.flags.strings('filename').length === 0)
      errs.push(new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
    if (o.images.size < 1) errs.push(new CmdError('at least one image update is required'));
    else if (o.images.size > 1 && o.images.has('*'))
      errs.push(new CmdError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
    if (o.local && o.dryRun === 'server') errs.push(new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'));
    if (errs.length > 0) throw new AggregateError(errs);
  },
  run(o, inv) {
    const errors: Error[] = [];
    patchAll(inv, o.targets, {
      dryRun: o.dryRun,
      local: o.local,
      printer: o.printer,
      failure: 'failed to patch image update to pod template',
      errors,
      mutate(obj) {
        const spec = podSpecOf(obj);
        for (const [name, img] of o.images) {
          const init = setImage(spec.initContainers, name, img);
          const found = setImage(spec.containers, name, img);
          if (!found && !init) errors.push(new CmdError(`error: unable to find container named ${JSON.stringify(name)}`));
        }
      },
    });
  },
});

function setImage(containers: Container[] | undefined, name: string, img: string): boolean {
  let found = false;
  for (const c of containers ?? [])
    if (c.name === name || name === '*') {
      found = true;
      c.image = img;
    }
  return found;
}
