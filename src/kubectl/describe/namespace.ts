// Models describe.go's describeNamespace with DescribeResourceQuotas and DescribeLimitRanges.

import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.ts';
import { qs } from './quantity.ts';
import { rfc1123z } from './time.ts';
import type { DescribeContext, Json } from './types.ts';

export interface NamespaceContext extends DescribeContext {
  /** ResourceQuotas in the namespace; undefined when the server does not serve them. */
  quotas?: Json[];
  /** LimitRanges in the namespace; undefined when the server does not serve them. */
  limits?: Json[];
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function describeResourceQuotas(quotas: Json[], w: PrefixWriter): void {
  if (!quotas.length) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const rq of [...quotas].sort((a, b) => byString(a.metadata?.name ?? '', b.metadata?.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${rq.metadata?.name ?? ''}\n`);
    const scopes: string[] = [...(rq.spec?.scopes ?? [])].sort(byString);
    if (scopes.length) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = rq.status?.hard ?? {};
    for (const r of Object.keys(hard).sort(byString)) w.write(LEVEL_1, `${r}\t${qs(rq.status?.used?.[r])}\t${qs(hard[r])}\n`);
  }
}

function describeLimitRanges(limitRanges: Json[], w: PrefixWriter): void {
  if (!limitRanges.length) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges) {
    for (const item of lr.spec?.limits ?? []) {
      const fields = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      // Go ranges over a map here, so the resource order is unspecified; sorted is one valid order.
      const names = [...new Set(fields.flatMap((f) => Object.keys(f ?? {})))].sort(byString);
      for (const k of names) {
        const cells = fields.map((f) => (f && k in f ? qs(f[k]) : '-'));
        w.write(LEVEL_0, ` ${item.type}\t${k}\t${cells.join('\t')}\n`);
      }
    }
  }
}

export function describeNamespace(ns: Json, ctx: NamespaceContext): string {
  return tabbedString((w) => {
    const meta = ns.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions: Json[] = ns.status?.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions)
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (ctx.quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(ctx.quotas, w);
    }
    if (ctx.limits) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(ctx.limits, w);
    }
  });
}
