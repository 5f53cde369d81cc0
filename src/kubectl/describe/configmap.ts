// Models describe.go's ConfigMapDescriber: each key, a `----` rule, the value, a blank line;
// binaryData keys with their decoded size.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Bytes in a base64 value, as len() of the []byte the JSON decoder yields. */
export function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

export function describeConfigMap(cm: Json, ctx: DescribeContext): string {
  return tabbedString((w) => {
    const meta = cm.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort(byString)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort(byString))
      w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
