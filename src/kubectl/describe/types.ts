// Describers read objects as the API returns them (plain JSON); fields are optional there.
import type { KObject } from '../../cluster/apiserver/types.ts';

export type { KObject };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Extra data a describer may be handed, fetched through the API by the command. */
export interface DescribeContext {
  /** Events about the object (field selector involvedObject.*); undefined = --show-events=false. */
  events?: Json[];
  /** The clock's now, in ms since the epoch: ages are `now - timestamp`. */
  now: number;
}
