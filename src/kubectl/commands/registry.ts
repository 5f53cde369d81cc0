// The commands the sandbox implements. Add one line per command folder (see ../README.md).

import type { Command } from '../command.ts';
import apiResources from './api-resources/index.ts';
import clusterInfo from './cluster-info/index.ts';
import get from './get/index.ts';
import options from './options/index.ts';
import version from './version/index.ts';

export const COMMANDS: readonly Command[] = [get, version, apiResources, clusterInfo, options];
