// What flows over a pods/portforward stream in the sandbox. kubectl sends the ports and the
// addresses to listen on (the learner's machine is part of the sandbox, so its loopback
// listeners are opened by the sandbox's side, src/sandbox/streams/portforward.ts); the server
// answers with one JSON event per `stdout` chunk.

export interface PortForwardRequest {
  /** Local 0 picks a free port. */
  ports: { local: number; remote: number }[];
  /** Sorted as client-go's parseAddresses sorts them: 127.0.0.1, ::1, or --address values. */
  addresses: string[];
}

export type PortForwardEvent =
  | { type: 'listening'; address: string; local: number; remote: number }
  | { type: 'listenError'; address: string; local: number; remote: number; message: string }
  /** Every listener of every port has been tried. */
  | { type: 'ready' }
  | { type: 'connection'; local: number }
  /** The kubelet's error stream for one connection; kubectl logs it and drops the tunnel. */
  | { type: 'error'; local: number; remote: number; message: string; at: number };
