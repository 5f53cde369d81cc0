// Service address allocation: ClusterIPs and NodePorts (see service-alloc.ts).
export * from './allocators.ts';
export * from './service-alloc.ts';
