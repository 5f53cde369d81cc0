// The commands the sandbox implements. Add one line per command folder (see ../README.md).

import type { Command } from '../command.ts';
import annotate from './annotate/index.ts';
import apiResources from './api-resources/index.ts';
import apiVersions from './api-versions/index.ts';
import apply from './apply/index.ts';
import attach from './attach/index.ts';
import clusterInfo from './cluster-info/index.ts';
import completion from './completion/index.ts';
import config from './config/index.ts';
import create from './create/index.ts';
import deleteCommand from './delete/index.ts';
import describe from './describe/index.ts';
import edit from './edit/index.ts';
import diff from './diff/index.ts';
import exec from './exec/index.ts';
import explain from './explain/index.ts';
import expose from './expose/index.ts';
import get from './get/index.ts';
import label from './label/index.ts';
import logs from './logs/index.ts';
import options from './options/index.ts';
import patch from './patch/index.ts';
import portForward from './port-forward/index.ts';
import replace from './replace/index.ts';
import rollout from './rollout/index.ts';
import run from './run/index.ts';
import scale from './scale/index.ts';
import set from './set/index.ts';
import version from './version/index.ts';
import wait from './wait/index.ts';

export const COMMANDS: readonly Command[] = [
  // kubectl's own order (cmd.go): basic commands, deploy, settings.
  create,
  expose,
  run,
  set,
  get,
  explain,
  edit,
  deleteCommand,
  rollout,
  scale,
  clusterInfo,
  describe,
  logs,
  attach,
  exec,
  portForward,
  diff,
  apply,
  patch,
  replace,
  label,
  annotate,
  completion,
  wait,
  version,
  apiResources,
  apiVersions,
  config,
  options,
];
