// Models pkg/registry/core/service/storage/alloc.go: what a Service create or update takes from
// the ClusterIP and NodePort ranges. The values in use are read from the stored Services each
// time (skipping the Service being written), so nothing leaks when a write fails, a delete
// releases by removing the object, and a snapshot restore needs no rebuild step.

import { defaultConfig } from '../../config.ts';
import type { Random } from '../../random.ts';
import type { Store } from '../../apiserver/store.ts';
import type { KObject } from '../../apiserver/types.ts';
import { StatusError, internalError } from '../../apiserver/errors.ts';
import { invalidStatus } from '../../apiserver/validation/status.ts';
import { FieldPath, invalid } from '../../apiserver/validation/field.ts';
import { AllocationError, ClusterIPAllocator, NodePortAllocator } from './allocators.ts';

/**
 * Key in StrategyContext.services for the Service network: a ServiceNetwork. When absent the
 * addresses of config.ts's defaultConfig() are used.
 */
export const SERVICE_NETWORK_KEY = 'serviceNetwork';

export interface ServiceNetwork {
  serviceCIDR: string;
  nodePortRange: [number, number];
}

export interface AllocContext {
  store: Store;
  rng: Random;
  services: Record<string, unknown>;
}

const SERVICES = '/services';

export function serviceNetwork(services: Record<string, unknown>): ServiceNetwork {
  const n = services[SERVICE_NETWORK_KEY] as ServiceNetwork | undefined;
  if (n) return n;
  const c = defaultConfig();
  return { serviceCIDR: c.serviceCIDR, nodePortRange: c.nodePortRange };
}

export function isHeadless(svc: KObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

export function needsClusterIP(svc: KObject): boolean {
  return (svc.spec?.type ?? 'ClusterIP') !== 'ExternalName';
}

export function needsNodePort(svc: KObject): boolean {
  const t = svc.spec?.type;
  return t === 'NodePort' || t === 'LoadBalancer';
}

/** LoadBalancer Services may opt out of NodePorts (allocateLoadBalancerNodePorts: false). */
export function shouldAllocateNodePorts(svc: KObject): boolean {
  if (svc.spec?.type === 'NodePort') return true;
  if (svc.spec?.type === 'LoadBalancer') return svc.spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

function others(ctx: AllocContext, svc: KObject): KObject[] {
  return ctx.store.peekAll(SERVICES).filter((o) => !(o.metadata.namespace === svc.metadata.namespace && o.metadata.name === svc.metadata.name));
}

export function ipAllocator(ctx: AllocContext, svc: KObject): ClusterIPAllocator {
  const used = others(ctx, svc).flatMap((o) => ((o.spec?.clusterIPs as string[] | undefined) ?? []).filter((ip) => ip && ip !== 'None'));
  return new ClusterIPAllocator(serviceNetwork(ctx.services).serviceCIDR, used, ctx.rng);
}

export function nodePortAllocator(ctx: AllocContext, svc: KObject): NodePortAllocator {
  const used: number[] = [];
  for (const o of others(ctx, svc)) {
    for (const p of o.spec?.ports ?? []) if (p.nodePort) used.push(p.nodePort);
    if (o.spec?.healthCheckNodePort) used.push(o.spec.healthCheckNodePort);
  }
  return new NodePortAllocator(serviceNetwork(ctx.services).nodePortRange, used, ctx.rng);
}

/** initIPFamilyFields for a single-stack IPv4 cluster. */
function initIPFamilies(svc: KObject): void {
  const spec = svc.spec;
  if (!needsClusterIP(svc)) return;
  if (spec.ipFamilyPolicy === undefined) {
    // Headless Services without a selector are dual-stack where the cluster allows it.
    spec.ipFamilyPolicy = isHeadless(svc) && !Object.keys(spec.selector ?? {}).length ? 'RequireDualStack' : 'SingleStack';
  }
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
}

function invalidService(svc: KObject, path: FieldPath, value: unknown, detail: string): StatusError {
  return new StatusError(invalidStatus({ group: '', kind: 'Service' }, svc.metadata.name ?? '', [invalid(path, value, detail)]));
}

function allocClusterIP(ctx: AllocContext, svc: KObject): void {
  const spec = svc.spec;
  if (!needsClusterIP(svc) || isHeadless(svc)) return;
  const alloc = ipAllocator(ctx, svc);
  const requested: string | undefined = spec.clusterIPs?.[0] || spec.clusterIP || undefined;
  if (requested) {
    try {
      alloc.allocate(requested);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      throw invalidService(svc, FieldPath.of('spec', 'clusterIPs'), spec.clusterIPs ?? [requested], `failed to allocate IP ${requested}: ${e.message}`);
    }
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    return;
  }
  try {
    const ip = alloc.allocateNext();
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  } catch (e) {
    if (e instanceof AllocationError) throw internalError(`failed to allocate a serviceIP: ${e.message}`);
    throw e;
  }
}

/**
 * initNodePorts / updateNodePorts: explicit ports are honoured, missing ones drawn at random;
 * ports with the same number (TCP and UDP 53) share one NodePort, as upstream.
 */
function allocNodePorts(ctx: AllocContext, svc: KObject): void {
  const ports: { port: number; nodePort?: number }[] = svc.spec?.ports ?? [];
  const alloc = nodePortAllocator(ctx, svc);
  const byPort = new Map<number, number>();
  const explicitOnly = !shouldAllocateNodePorts(svc);
  ports.forEach((sp, i) => {
    if (!sp.nodePort && explicitOnly) return;
    const shared = byPort.get(sp.port);
    if (shared !== undefined && (!sp.nodePort || sp.nodePort === shared)) {
      sp.nodePort = shared;
      return;
    }
    const requested = sp.nodePort || ports.slice(i).find((p) => p.port === sp.port && p.nodePort)?.nodePort;
    if (requested) {
      try {
        alloc.allocate(requested);
      } catch (e) {
        if (!(e instanceof AllocationError)) throw e;
        throw invalidService(svc, FieldPath.of('spec', 'ports').index(i).child('nodePort'), requested, e.message);
      }
      sp.nodePort = requested;
    } else {
      try {
        sp.nodePort = alloc.allocateNext();
      } catch (e) {
        if (e instanceof AllocationError) throw internalError(`failed to allocate a nodePort: ${e.message}`);
        throw e;
      }
    }
    byPort.set(sp.port, sp.nodePort!);
  });
}

/** BeginCreate: families, ClusterIP, NodePorts. Throws StatusError. */
export function allocateCreate(ctx: AllocContext, svc: KObject): void {
  initIPFamilies(svc);
  allocClusterIP(ctx, svc);
  allocNodePorts(ctx, svc);
}

/** BeginUpdate: a Service that now needs a ClusterIP or NodePorts gets them; the rest is kept. */
export function allocateUpdate(ctx: AllocContext, svc: KObject, old: KObject): void {
  initIPFamilies(svc);
  if (needsClusterIP(svc) && !isHeadless(svc)) {
    const had = needsClusterIP(old) && !isHeadless(old) && old.spec?.clusterIPs?.[0];
    // An unchanged ClusterIP is the Service's own; anything else must be allocated.
    if (!had || svc.spec.clusterIPs?.[0] !== had) allocClusterIP(ctx, svc);
  }
  allocNodePorts(ctx, svc);
}
