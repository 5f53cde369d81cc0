// kubectl cluster-info (kubectl pkg/cmd/clusterinfo/clusterinfo.go, 1.34: plain text, no colour):
// the control plane's address, then each kube-system Service labelled
// kubernetes.io/cluster-service=true with its API-server proxy link.

import { defineCommand } from '../../command.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';

export default defineCommand<void>({
  name: 'cluster-info',
  subcommands: [],
  run(_o, inv) {
    const host = inv.config.server;
    const out: string[] = [];
    let err: unknown;
    try {
      const ns = inv.explicitNamespace ? inv.namespace : 'kube-system';
      const list = inv.rest().get<{ items: KObject[] }>(`/api/v1/namespaces/${ns}/services`, {
        labelSelector: 'kubernetes.io/cluster-service=true',
      });
      out.push(`Kubernetes control plane is running at ${host}\n`);
      for (const svc of list.items ?? []) {
        const ingress = svc.status?.loadBalancer?.ingress ?? [];
        let link = '';
        if (ingress.length > 0) {
          const ip = ingress[0].ip || ingress[0].hostname;
          for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
        } else {
          let name = svc.metadata.name ?? '';
          const port = svc.spec?.ports?.[0];
          if (port) {
            const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
            name = [scheme, name, port.name ?? ''].filter((s, i) => s !== '' || i === 1).join(':'); // utilnet.JoinSchemeNamePort
          }
          link = `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
        }
        out.push(`${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name} is running at ${link}\n`);
      }
    } catch (e) {
      err = e;
    }
    inv.stdout.write(out.join('') + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    if (err) throw err;
  },
});
