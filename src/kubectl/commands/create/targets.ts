// Moved to resource/targets.ts; re-exported here for the apply and edit commands that still import it from this path.
export { NO_RESOURCES, selectTargets, type SelectOptions, type Selection, type Target } from '../../resource/targets.ts';
