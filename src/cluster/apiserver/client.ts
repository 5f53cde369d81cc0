// What kubectl (and the shell's network tools, and lessons) may use of the cluster: REST calls
// and watches, nothing else. The in-process server implements it directly; the HTTP facade
// serves the same calls to real kubectl.

import type { ApiRequest, ApiResponse, StreamHandle, StreamListener, WatchEvent, WatchHandle } from './types.ts';

export interface ApiClient {
  /** One REST call. Synchronous in-process: the emulator answers within the same tick. */
  request(req: ApiRequest): ApiResponse;
  /**
   * Start a watch (the same request as a list, with query.watch = 'true').
   * When query.resourceVersion is absent or '0', the current objects arrive first as ADDED events,
   * as the real API server does. Returns null-free handle; errors come back as an ERROR event.
   */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle;

  /**
   * A streaming subresource: pods/log with follow, pods/exec, pods/attach, pods/portforward. The
   * server sends chunks to the listener until it ends the stream or the client closes it; the
   * client may write (stdin for exec/attach, bytes for port-forward).
   */
  stream(req: ApiRequest, listener: StreamListener): StreamHandle;
}
