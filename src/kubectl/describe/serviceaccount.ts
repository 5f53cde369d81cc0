// Models describe.go's ServiceAccountDescriber: image pull, mountable and token secrets (the
// headers sorted, as Go ranges over sets.StringKeySet), a name the namespace lacks marked
// `(not found)`, then events.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

export interface ServiceAccountContext extends DescribeContext {
  /** Every Secret in the namespace; undefined when the list failed (errors are tolerated). */
  secrets?: Json[];
}

const EMPTY_HEADER = '                   ';
const PULL_HEADER = 'Image pull secrets:';
const MOUNT_HEADER = 'Mountable secrets: ';
const TOKEN_HEADER = 'Tokens:            ';

export function describeServiceAccount(sa: Json, ctx: ServiceAccountContext): string {
  const meta = sa.metadata ?? {};
  const tokens: string[] = [];
  const missing = new Set<string>();
  if (ctx.secrets) {
    const existing = new Set<string>();
    for (const s of ctx.secrets) {
      const a = s.metadata?.annotations ?? {};
      if (s.type === 'kubernetes.io/service-account-token' && a['kubernetes.io/service-account.name'] === meta.name && a['kubernetes.io/service-account.uid'] === meta.uid)
        tokens.push(s.metadata?.name ?? '');
      existing.add(s.metadata?.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  }
  const groups: Array<[string, string[]]> = [
    [PULL_HEADER, (sa.imagePullSecrets ?? []).map((s: Json) => s.name)],
    [MOUNT_HEADER, (sa.secrets ?? []).map((s: Json) => s.name)],
    [TOKEN_HEADER, tokens],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    for (const [header, names] of groups) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = EMPTY_HEADER;
      }
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
