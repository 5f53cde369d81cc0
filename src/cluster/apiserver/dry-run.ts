// Whether a request is a dry run. client-go sends `?dryRun=All` for writes, but for DELETE it puts
// the option in the DeleteOptions body (`{"dryRun": ["All"]}`). The API server and every caller
// that settles the cluster after real writes (the HTTP facade, the fidelity harness) must agree.

import type { ApiRequest } from './types.ts';

export function isDryRun(req: Pick<ApiRequest, 'method' | 'query' | 'body'>): boolean {
  if (req.query?.dryRun === 'All') return true;
  if (req.method !== 'DELETE') return false;
  const d = (req.body as { dryRun?: unknown } | undefined)?.dryRun;
  return Array.isArray(d) && d.includes('All');
}
