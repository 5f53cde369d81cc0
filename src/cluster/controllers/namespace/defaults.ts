// What every new namespace gets from kube-controller-manager: the `default` ServiceAccount
// (serviceaccounts-controller, pkg/controller/serviceaccount) and the kube-root-ca.crt ConfigMap
// (root-ca-certificate-publisher, pkg/controller/certificates/rootcacertpublisher).

import { R } from '../../apiserver/resources.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';

/** A placeholder CA, shaped like the real PEM (kubectl describe shows its length, not its value). */
const CA_PEM =
  '-----BEGIN CERTIFICATE-----\nMIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwptaW5p\na3ViZUNBMB4XDTI1MDEwMTAwMDAwMFoXDTM1MDEwMTAwMDAwMFowFTETMBEGA1UE\nAxMKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKsb\n-----END CERTIFICATE-----\n';

export class NamespaceDefaultsController implements Controller {
  readonly name = 'serviceaccount';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #namespaces!: Informer;
  #sas!: Informer;
  #cms!: Informer;
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (ns) => this.#sync(ns));
    this.#namespaces = informer(env.kube, R.namespaces);
    this.#sas = informer(env.kube, R.serviceaccounts);
    this.#cms = informer(env.kube, R.configmaps);
    this.#unsub.push(
      this.#namespaces.on((t, ns) => t !== 'DELETED' && this.#queue.add(ns.metadata.name!)),
      this.#sas.on((t, o) => t === 'DELETED' && o.metadata.name === 'default' && this.#queue.add(o.metadata.namespace!)),
      this.#cms.on((t, o) => t === 'DELETED' && o.metadata.name === 'kube-root-ca.crt' && this.#queue.add(o.metadata.namespace!)),
    );
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #sync(name: string): void {
    const ns = this.#namespaces.get(undefined, name);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const { kube } = this.#env;
    if (!this.#sas.get(name, 'default')) kube.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
    if (!this.#cms.get(name, 'kube-root-ca.crt'))
      kube.create(R.configmaps, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': CA_PEM },
      });
  }
}
