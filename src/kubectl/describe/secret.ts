// Models describe.go's describeSecret: sizes only, except a service-account token's `token`.
// It takes no events (the real describer never looks them up).

import { base64Length } from './configmap.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import type { Json } from './types.ts';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function decodeBase64(b64: string): string {
  const bin = atob(b64.replace(/\s/g, ''));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function describeSecret(secret: Json): string {
  return tabbedString((w) => {
    const meta = secret.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data: Record<string, string> = secret.data ?? {};
    for (const k of Object.keys(data).sort(byString)) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64(data[k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Length(data[k])} bytes\n`);
    }
  });
}
