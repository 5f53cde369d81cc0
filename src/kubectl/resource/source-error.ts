// cmdutil.AddSourceToErr: an API error about an object read from a file names the file
// (`Error from server (AlreadyExists): error when creating "web.yaml": services "web" already exists`).

import { ApiStatusError } from '../errors.ts';

export function sourceError(verb: string, source: string, err: ApiStatusError): ApiStatusError {
  if (!source) return err;
  const status = structuredClone(err.status);
  status.message = `error when ${verb} "${source}": ${status.message ?? ''}`;
  const out = new ApiStatusError(status);
  out.hints.push(...err.hints);
  return out;
}
