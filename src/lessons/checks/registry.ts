// The check kinds a lesson may use, by name. A new kind is one file in this folder and one line here.
import type { CheckKind } from './types.ts';
import command from './command.ts';
import deployment from './deployment.ts';
import endpoints from './endpoints.ts';
import ingress from './ingress.ts';
import pods from './pods.ts';
import request from './request.ts';
import resource from './resource.ts';
import service from './service.ts';
import shell from './shell.ts';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [resource, service, endpoints, pods, deployment, ingress, request, command, shell].map((k) => [k.name, k]),
);
