// What every check kind shares. A check is declared in a lesson (```check``` block, YAML), read
// through its kind's schema, and evaluated against the sandbox: the API, the traffic traces and
// the command log. It answers pass/fail and, always, why — in teaching terms.

import type * as v from 'valibot';
import type { Cluster } from '../../cluster/cluster.ts';
import type { Kube } from '../../cluster/apiserver/typed.ts';
import type { Trace } from '../../cluster/network/trace.ts';

/** One line the learner entered (or a button typed): the sandbox's command log. */
export interface CommandEntry {
  terminal: string;
  line: string;
  /** Cluster time. */
  at: number;
}

export interface CheckContext {
  cluster: Cluster;
  kube: Kube;
  /** Namespace of names without one. */
  namespace: string;
  /** Traces and commands in the check's window (since the step began, unless `since: lesson`). */
  traces: readonly Trace[];
  commands: readonly CommandEntry[];
  /** Runs a script in a hidden shell on the learner's machine. */
  shell(script: string): Promise<{ status: number; output: string }>;
}

export interface CheckResult {
  pass: boolean;
  /** Why it passes or fails, for the learner: what the cluster shows, in teaching terms. */
  why: string;
}

/** A check as declared, after validation. */
export interface CheckSpec {
  id: string;
  kind: string;
  /** What the learner sees in the checklist. */
  title: string;
  /** Ids of checks that must pass first (earlier in the lesson, or in this step). */
  after: string[];
  /** Extra hint text shown while the check fails (besides the computed why). */
  hint?: string;
  since: 'step' | 'lesson';
  params: Record<string, unknown>;
}

export interface CheckKind<S extends v.GenericSchema = v.GenericSchema> {
  name: string;
  /** The kind's own fields (besides id, title, after, hint, since). */
  schema: S;
  /** A default title when the author gives none. */
  title(p: v.InferOutput<S>): string;
  evaluate(p: v.InferOutput<S>, ctx: CheckContext): CheckResult | Promise<CheckResult>;
}

/** Declares a kind with its parameter types inferred from its schema. */
export function defineCheck<S extends v.GenericSchema>(kind: CheckKind<S>): CheckKind {
  return kind as unknown as CheckKind;
}

export const pass = (why: string): CheckResult => ({ pass: true, why });
export const fail = (why: string): CheckResult => ({ pass: false, why });
