// A flag table entry, declared by each command (the shape of pflag's FlagSet.XxxVarP calls).

export type FlagType =
  | 'bool'
  | 'string'
  | 'int' // pflag Int/Int64: strconv.ParseInt(s, 0, 64)
  | 'int32' // pflag Int32 and klog's -v: strconv.ParseInt(s, 0, 32)
  | 'duration' // Go time.ParseDuration; value in milliseconds
  | 'stringArray' // each use appends the raw value
  | 'stringSlice'; // each use appends the comma-separated (CSV) values

export type FlagValue = boolean | string | number | string[];

export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Defaults: false, '', 0, []. */
  default?: FlagValue;
  /** Value used when the flag is given without `=value` (pflag's NoOptDefVal). Bools have 'true'. */
  noOptDefVal?: string;
  /** Shown nowhere (help texts come from the real binary); kept for documentation. */
  usage?: string;
}
