// Models describe.go's describeVolumes for the volume sources a sandbox pod can have; others
// print their type line only (or `<unknown>`, as real kubectl does for sources it lacks).

import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';
import { parseQuantity, quantityString } from './quantity.ts';
import type { Json } from './types.ts';

type SourcePrinter = (src: Json, w: PrefixWriter) => void;

const fields = (title: string, pairs: [string, unknown][]): string =>
  `Type:\t${title}\n` + pairs.map(([k, v]) => `    ${k}:\t${v ?? ''}\n`).join('');

// In describe.go's switch order: the first source present wins.
const PRINTERS: [string, SourcePrinter][] = [
  [
    'hostPath',
    (s, w) =>
      w.write(LEVEL_2, fields('HostPath (bare host directory volume)', [['Path', s.path], ['HostPathType', s.type ?? '<none>']])),
  ],
  [
    'emptyDir',
    (s, w) => {
      const limit = parseQuantity(s.sizeLimit);
      const size = limit && limit.nano > 0n ? quantityString(limit) : '<unset>';
      w.write(LEVEL_2, fields("EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', s.medium], ['SizeLimit', size]]));
    },
  ],
  [
    'secret',
    (s, w) =>
      w.write(LEVEL_2, fields('Secret (a volume populated by a Secret)', [['SecretName', s.secretName], ['Optional', s.optional === true]])),
  ],
  [
    'configMap',
    (s, w) =>
      w.write(LEVEL_2, fields('ConfigMap (a volume populated by a ConfigMap)', [['Name', s.name], ['Optional', s.optional === true]])),
  ],
  [
    'nfs',
    (s, w) =>
      w.write(LEVEL_2, fields('NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', s.server], ['Path', s.path], ['ReadOnly', s.readOnly === true]])),
  ],
  [
    'persistentVolumeClaim',
    (s, w) =>
      w.write(
        LEVEL_2,
        fields('PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
          ['ClaimName', s.claimName],
          ['ReadOnly', s.readOnly === true],
        ]),
      ),
  ],
  [
    'ephemeral',
    (_s, w) =>
      w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n'),
  ],
  [
    'downwardAPI',
    (s, w) => {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of s.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    },
  ],
  [
    'projected',
    (s, w) => {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of s.sources ?? []) {
        if (src.secret) w.write(LEVEL_2, `SecretName:\t${src.secret.name ?? ''}\n    Optional:\t${src.secret.optional === true}\n`);
        else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (src.configMap)
          w.write(LEVEL_2, `ConfigMapName:\t${src.configMap.name ?? ''}\n    Optional:\t${src.configMap.optional === true}\n`);
        else if (src.serviceAccountToken)
          w.write(LEVEL_2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 0}\n`);
      }
    },
  ],
  [
    'csi',
    (s, w) => {
      w.write(LEVEL_2, fields('CSI (a Container Storage Interface (CSI) volume source)', [['Driver', s.driver], ['FSType', s.fsType], ['ReadOnly', s.readOnly === true]]));
      // printCSIPersistentVolumeAttributesMultilineIndent writes every piece at LEVEL_2.
      const attrs = Object.keys(s.volumeAttributes ?? {}).sort();
      w.write(LEVEL_2, 'VolumeAttributes:\t');
      if (!attrs.length) w.writeLine('<none>');
      attrs.forEach((k, i) => {
        if (i !== 0) {
          w.write(LEVEL_2, '');
          w.write(LEVEL_2, '\t');
        }
        const line = `${k}=${s.volumeAttributes[k]}`;
        w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
      });
    },
  ],
  [
    'image',
    (s, w) => w.write(LEVEL_2, fields('Image (a container image or OCI artifact)', [['Reference', s.reference], ['PullPolicy', s.pullPolicy]])),
  ],
];

export function describeVolumes(volumes: Json[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const found = PRINTERS.find(([key]) => v[key]);
    if (found) found[1](v[found[0]], w);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}
