// The ingress addon as `minikube addons enable ingress` leaves it (minikube's
// deploy/addons/ingress/ingress-deploy.yaml.tmpl, controller v1.13.2), installed with the cluster.
// One deliberate change: the controller Service is a LoadBalancer (the addon's is a NodePort), so
// the controller is reached at its own address from the sandbox's pool (pinned to the pool's last
// address with spec.loadBalancerIP), and the Deployment
// publishes that Service (--publish-service, as the upstream chart does) so Ingresses show it as
// ADDRESS. Kinds this API server does not serve (RBAC, the admission Jobs and webhook
// configuration) are left out.

import { R } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import { CONTROLLER_IMAGE_REPO, CONTROLLER_VERSION } from '../../network/ingress/app.ts';
import type { ControllerEnv } from '../controller.ts';
import { CONTROLLER_NAME, INGRESS_NAMESPACE } from './controller.ts';

/** When, after the cluster's boot, the addon is enabled (after the workers have joined). */
export const INGRESS_ADDON_MS = 3 * 60_000;
/**
 * The controller's address, pinned (as one pins an ingress address that DNS records point at) to
 * the top of the pool, so the learner's own first LoadBalancer still gets the pool's first address.
 */
const PINNED_IP_INDEX = -1;

const IMAGE = `${CONTROLLER_IMAGE_REPO}:${CONTROLLER_VERSION}@sha256:1f7eaeb01933e719c8a9f4acd8181e555e582330c7d50f24484fb64d2ba9b2ef`;

const base = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' };
const controllerLabels = { ...base, 'app.kubernetes.io/component': 'controller' };

const meta = (name: string, labels: Record<string, string> = controllerLabels, namespace: string | undefined = INGRESS_NAMESPACE) => ({ name, ...(namespace ? { namespace } : {}), labels: { ...labels } });

export function ingressNginxAddon(env: ControllerEnv): void {
  const { kube } = env;
  const create = (r: (typeof R)[keyof typeof R], o: KObject) => kube.create(r, o);
  create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INGRESS_NAMESPACE, labels: { ...base, 'kubernetes.io/metadata.name': INGRESS_NAMESPACE } } });
  create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx'), automountServiceAccountToken: true } as KObject);
  create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx-admission', { ...base, 'app.kubernetes.io/component': 'admission-webhook' }) });
  create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(CONTROLLER_NAME), data: { hsts: 'false', 'allow-snippet-annotations': 'true' } } as KObject);
  create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('tcp-services') });
  create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('udp-services') });
  create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(`${CONTROLLER_NAME}-admission`),
    spec: { type: 'ClusterIP', ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }], selector: { ...controllerLabels } },
  });
  create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(CONTROLLER_NAME),
    spec: {
      type: 'LoadBalancer',
      loadBalancerIP: env.config.loadBalancerPool.at(PINNED_IP_INDEX),
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
        { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
      ],
      selector: { ...controllerLabels },
    },
  });
  create(R.deployments, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(CONTROLLER_NAME),
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...controllerLabels } },
      revisionHistoryLimit: 10,
      minReadySeconds: 0,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { ...controllerLabels, 'gcp-auth-skip-secret': 'true' } },
        spec: {
          dnsPolicy: 'ClusterFirst',
          containers: [
            {
              name: 'controller',
              image: IMAGE,
              imagePullPolicy: 'IfNotPresent',
              lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
              args: [
                '/nginx-ingress-controller',
                '--election-id=ingress-controller-leader',
                '--controller-class=k8s.io/ingress-nginx',
                `--configmap=$(POD_NAMESPACE)/${CONTROLLER_NAME}`,
                '--report-node-internal-ip-address',
                `--publish-service=$(POD_NAMESPACE)/${CONTROLLER_NAME}`,
                '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
                '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
              ],
              securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, runAsUser: 101, allowPrivilegeEscalation: true },
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              livenessProbe: { failureThreshold: 5, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
              readinessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
              ports: [
                { name: 'http', containerPort: 80, protocol: 'TCP', hostPort: 80 },
                { name: 'https', containerPort: 443, protocol: 'TCP', hostPort: 443 },
                { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
              ],
              volumeMounts: [{ name: 'webhook-cert', mountPath: '/usr/local/certificates/', readOnly: true }],
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
            },
          ],
          // minikube pins the controller to the primary node; our primary keeps kubeadm's
          // control-plane taint, so the control-plane toleration is added to minikube's.
          nodeSelector: { 'kubernetes.io/os': 'linux', 'minikube.k8s.io/primary': 'true' },
          tolerations: [
            { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' },
          ],
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 0,
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  });
  create(R.ingressclasses, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { ...meta('nginx', controllerLabels, undefined), annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
}
