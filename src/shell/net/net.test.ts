// The network programs against a hand-built cluster, for every Service type and vantage point.
// Expected lines are the real tools' format strings (curl-8_14_1 lib/strerror.c, connect.c,
// multi.c, hostip.c, http.c; busybox networking/wget.c, nslookup.c, libbb/xconnect.c; bind9
// bin/dig/nslookup.c, dig.c, host.c; iputils ping; OpenBSD netcat) filled with our addresses.

import { describe, expect, test } from 'vitest';
import { createFixture, run, WEB_PODS } from './testing/fixture.ts';

const NGINX_TITLE = '<title>Welcome to nginx!</title>';
const NODE_IPS = ['192.168.49.2', '192.168.49.3', '192.168.49.4'];

describe('curl', () => {
  test('ClusterIP by name from a Pod: -v trace in curl 8 words', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['curl', '-v', 'web'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(NGINX_TITLE);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      '* Host web:80 was resolved.',
      '* IPv6: (none)',
      '* IPv4: 10.96.12.34',
      '*   Trying 10.96.12.34:80...',
      '* Connected to web (10.96.12.34) port 80',
      '* using HTTP/1.x',
      '> GET / HTTP/1.1\r',
      '> Host: web\r',
      '> User-Agent: curl/8.14.1\r',
      '> Accept: */*\r',
      '> \r',
    ]);
    expect(lines).toContain('* Request completely sent off');
    expect(lines).toContain('< HTTP/1.1 200 OK\r');
    expect(r.stderr.endsWith('* Connection #0 to host web left intact\n')).toBe(true);
  });

  test('ClusterIP from outside: --max-time gives (28) after the wait, then one hint line', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.outside(), ['curl', '-sS', '--max-time', '5', 'http://10.96.12.34/']);
    expect(r.code).toBe(28);
    expect(r.waitedMs).toBe(5000);
    const [error, hint, end] = r.stderr.split('\n');
    expect(error).toBe('curl: (28) Connection timed out after 5001 milliseconds');
    expect(hint).toMatch(/^hint: 10\.96\.12\.34 is a ClusterIP/);
    expect(end).toBe('');
  });

  test('ClusterIP from outside without a timeout waits for the kernel; Ctrl+C interrupts', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.outside(), ['curl', '-s', '10.96.12.34']);
    expect(r.code).toBe(28);
    expect(r.waitedMs).toBe(130_000);
    expect(r.stderr).toBe(''); // -s hides the error (and the hint)
    const shown = await run(fx, fx.outside(), ['curl', '10.96.12.34'], { tty: true });
    expect(shown.stderr).toContain('curl: (28) Failed to connect to 10.96.12.34 port 80 after 130000 ms: Could not connect to server\n');
    expect(shown.stderr).toContain('\x1b[2mhint: '); // dim on a terminal
    const stopped = await run(fx, fx.outside(), ['curl', '10.96.12.34'], { tty: true, interruptAfterMs: 3000 });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toBe(''); // the shell, not curl, echoes ^C
  });

  test('the same ClusterIP works from a node', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.node('minikube'), ['curl', '-s', '10.96.12.34']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(NGINX_TITLE);
  });

  test('NodePort from outside answers on every node IP', async () => {
    const fx = createFixture();
    for (const ip of NODE_IPS) {
      const r = await run(fx, fx.outside(), ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', `${ip}:30080`]);
      expect(r.stdout).toBe('200\n');
      expect(r.code).toBe(0);
    }
  });

  test('LoadBalancer IP from outside', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.outside(), ['curl', '-sI', 'http://192.168.49.200']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('HTTP/1.1 200 OK\r\nServer: nginx/')).toBe(true);
  });

  test('a Service without endpoints refuses: (7), "after 0 ms", and why', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['curl', '-sS', 'empty']);
    expect(r.code).toBe(7);
    expect(r.stderr.split('\n')[0]).toBe('curl: (7) Failed to connect to empty port 80 after 0 ms: Could not connect to server');
    expect(r.stderr).toMatch(/\nhint: Service default\/empty has no endpoints/);
  });

  test('a wrong targetPort is refused by the Pod', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['curl', '-sS', 'wrong']);
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('curl: (7) Failed to connect to wrong port 80 after 0 ms: Could not connect to server\n');
    expect(r.stderr).toMatch(/hint: Nothing in Pod web-\d listens on port 8080/);
  });

  test('externalTrafficPolicy: Local — a node without a local endpoint drops, one with answers', async () => {
    const fx = createFixture();
    const ok = await run(fx, fx.outside(), ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '192.168.49.3:30090']);
    expect(ok.stdout).toBe('200');
    const dropped = await run(fx, fx.outside(), ['curl', '-sS', '--connect-timeout', '3', '192.168.49.4:30090']);
    expect(dropped.code).toBe(28);
    expect(dropped.stderr).toMatch(/^curl: \(28\) Connection timed out after 3001 milliseconds\nhint: externalTrafficPolicy: Local/);
  });

  test('30 requests spread over the 3 Pods; sessionAffinity: ClientIP sticks to one', async () => {
    const fx = createFixture();
    const landed = () => fx.network.dataplane.traces.filter((t) => t.result.kind === 'connected').map((t) => (t.result as { pod: { name: string } }).pod.name);
    for (let i = 0; i < 30; i++) await run(fx, fx.pod('client'), ['curl', '-s', 'web']);
    const spread = new Set(landed());
    expect([...spread].sort()).toEqual(WEB_PODS.map((p) => p.name).sort());
    const before = fx.network.dataplane.traces.length;
    for (let i = 0; i < 10; i++) await run(fx, fx.pod('client'), ['curl', '-s', 'sticky']);
    expect(new Set(landed().slice(before)).size).toBe(1);
  });

  test('Service names do not resolve outside a Pod: (6) with a hint', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.outside(), ['curl', '-sS', 'web']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^curl: \(6\) Could not resolve host: web\nhint: /);
  });

  test('a non-HTTP port: (52) Empty reply from server', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['curl', '-sS', 'redis:6379']);
    expect(r.code).toBe(52);
    expect(r.stderr.split('\n')[0]).toBe('curl: (52) Empty reply from server');
  });

  test('https to a plain-HTTP port: (35); the Service has no 443 at all: a timeout', async () => {
    const fx = createFixture();
    const none = await run(fx, fx.pod('client'), ['curl', '-sS', '-m', '1', 'https://web']);
    expect(none.code).toBe(28);
    const r = await run(fx, fx.pod('client'), ['curl', '-sS', 'https://web:80']);
    expect(r.code).toBe(35);
    expect(r.stderr.split('\n')[0]).toBe('curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number');
  });

  test('-f turns 404 into (22); --resolve pins a name; progress meter when piped', async () => {
    const fx = createFixture();
    const f = await run(fx, fx.pod('client'), ['curl', '-sSf', 'web/missing']);
    expect(f.code).toBe(22);
    expect(f.stderr).toBe('curl: (22) The requested URL returned error: 404\n');
    const pinned = await run(fx, fx.outside(), ['curl', '-s', '--resolve', 'shop.example:80:192.168.49.200', '-w', '%{remote_ip}', '-o', '/dev/null', 'shop.example']);
    expect(pinned.stdout).toBe('192.168.49.200');
    const piped = await run(fx, fx.pod('client'), ['curl', 'web']);
    expect(piped.stderr.split('\n')[0]).toBe('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current');
  });

  test('option errors', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['curl', '--bogus', 'web']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    const none = await run(fx, fx.pod('client'), ['curl']);
    expect(none.stderr.split('\n')[0]).toBe('curl: (2) no URL specified');
  });
});

describe('wget (busybox)', () => {
  test('-O- writes the body; messages and progress on stderr', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client', 'busybox'), ['wget', '-O-', 'web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(NGINX_TITLE);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('Connecting to web (10.96.12.34:80)');
    expect(lines[1]).toBe('writing to stdout');
    expect(lines.at(-2)).toBe('written to stdout');
  });

  test('errors: bad address, refused, 404, -T timeout', async () => {
    const fx = createFixture();
    const pod = fx.pod('client', 'busybox');
    expect((await run(fx, pod, ['wget', '-qO-', 'nope'])).stderr).toBe("wget: bad address 'nope'\n");
    expect((await run(fx, pod, ['wget', '-qO-', 'empty'])).stderr.split('\n')[0]).toBe("wget: can't connect to remote host (10.96.40.1): Connection refused");
    expect((await run(fx, pod, ['wget', '-qO-', 'web/x'])).stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    const t = await run(fx, fx.outside(), ['wget', '-q', '-T', '2', '-O-', '10.96.12.34']);
    expect(t.stderr.split('\n')[0]).toBe('wget: download timed out');
    expect(t.waitedMs).toBe(2000);
  });
});

describe('DNS tools', () => {
  test('nslookup (bind9): a Service, NXDOMAIN after the search path, ExternalName, headless', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    const head = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n';
    const web = await run(fx, pod, ['nslookup', 'web']);
    expect(web.stdout).toBe(head + 'Name:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n');
    const nope = await run(fx, pod, ['nslookup', 'nope']);
    expect(nope).toMatchObject({ code: 1, stdout: head + "** server can't find nope: NXDOMAIN\n\n" });
    const ext = await run(fx, pod, ['nslookup', 'ext']);
    expect(ext.stdout).toBe(head + 'ext.default.svc.cluster.local\tcanonical name = example.com.\nName:\texample.com\nAddress: 93.184.215.14\n\n');
    const headless = await run(fx, pod, ['nslookup', 'web-headless']);
    expect(headless.stdout.match(/^Address: .*$/gm)).toEqual(['Address: 10.244.0.7', 'Address: 10.244.1.5', 'Address: 10.244.2.6']);
  });

  test('nslookup (busybox): every search domain, A then AAAA, exit 1 on any NXDOMAIN', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client', 'busybox'), ['nslookup', 'web']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
  });

  test('dig: sections in master-file columns, +short, SRV', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    const r = await run(fx, pod, ['dig', 'web.default.svc.cluster.local']);
    expect(r.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(r.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(r.stdout).toContain(';; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n');
    expect(r.stdout).toContain(';; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t10.96.12.34\n');
    expect(r.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Thu Jan 01 00:00:00 UTC 2026\n');
    expect((await run(fx, pod, ['dig', '+short', 'web-headless.default.svc.cluster.local'])).stdout).toBe('10.244.0.7\n10.244.1.5\n10.244.2.6\n');
    expect((await run(fx, pod, ['dig', '+short', 'SRV', '_redis._tcp.redis.default.svc.cluster.local'])).stdout).toBe('0 100 6379 redis.default.svc.cluster.local.\n');
    expect((await run(fx, pod, ['dig', '+short', '+search', 'web'])).stdout).toBe('10.96.12.34\n');
  });

  test('host', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    expect((await run(fx, pod, ['host', 'web'])).stdout).toBe('web.default.svc.cluster.local has address 10.96.12.34\n');
    expect(await run(fx, pod, ['host', 'nope'])).toMatchObject({ code: 1, stdout: 'Host nope not found: 3(NXDOMAIN)\n' });
    expect((await run(fx, pod, ['host', 'ext'])).stdout).toBe('ext.default.svc.cluster.local is an alias for example.com.\nexample.com has address 93.184.215.14\n');
  });
});

describe('ping, nc, ip, hostname, redis-cli', () => {
  test('ping a Pod; a ClusterIP never answers (100% loss, exit 1, hint)', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    const ok = await run(fx, pod, ['ping', '-c', '3', '10.244.2.6']);
    expect(ok.code).toBe(0);
    const lines = ok.stdout.split('\n');
    expect(lines[0]).toBe('PING 10.244.2.6 (10.244.2.6) 56(84) bytes of data.');
    expect(lines[1]).toMatch(/^64 bytes from 10\.244\.2\.6: icmp_seq=1 ttl=\d+ time=\d+\.\d{3} ms$/);
    expect(lines).toContain('--- 10.244.2.6 ping statistics ---');
    expect(lines).toContain('3 packets transmitted, 3 received, 0% packet loss, time 2006ms');
    expect(lines.at(-2)).toMatch(/^rtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms$/);
    const svc = await run(fx, pod, ['ping', '-c', '2', 'web']);
    expect(svc.code).toBe(1);
    expect(svc.stdout).toContain('2 packets transmitted, 0 received, 100% packet loss');
    expect(svc.stderr).toMatch(/^hint: 10\.96\.12\.34 is a Service's ClusterIP/);
  });

  test('ping without -c runs until Ctrl+C, then prints the statistics', async () => {
    const fx = createFixture();
    const r = await run(fx, fx.pod('client'), ['ping', '10.244.1.5'], { interruptAfterMs: 3500 });
    expect(r.stdout.match(/icmp_seq=/g)).toHaveLength(4);
    expect(r.stdout).toContain('4 packets transmitted, 4 received, 0% packet loss');
    expect(r.code).toBe(0);
  });

  test('nc -zv: succeeded / refused', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    expect((await run(fx, pod, ['nc', '-zv', 'web', '80'])).stderr).toBe('Connection to web (10.96.12.34) 80 port [tcp/http] succeeded!\n');
    const r = await run(fx, pod, ['nc', '-zv', '-w', '2', 'empty', '80']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('nc: connect to empty (10.96.40.1) port 80 (tcp) failed: Connection refused');
  });

  test('ip addr / ip route inside a Pod; hostname -i', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    const a = (await run(fx, pod, ['ip', 'a'])).stdout;
    expect(a).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n/);
    expect(a).toMatch(/\n2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default\n/);
    expect(a).toContain('    inet 10.244.1.9/24 brd 10.244.1.255 scope global eth0\n');
    expect((await run(fx, pod, ['ip', 'route'])).stdout.split('\n')[0]).toBe('default via 10.244.1.1 dev eth0 ');
    expect((await run(fx, pod, ['hostname', '-i'])).stdout).toBe('10.244.1.9\n');
    expect((await run(fx, pod, ['hostname'])).stdout).toBe('client\n');
  });

  test('redis-cli: PING, piped commands, refused', async () => {
    const fx = createFixture();
    const pod = fx.pod('client');
    expect((await run(fx, pod, ['redis-cli', '-h', 'redis', 'PING'])).stdout).toBe('PONG\n');
    expect((await run(fx, pod, ['redis-cli', '-h', 'redis'], { stdin: 'SET k v\nGET k\n' })).stdout).toBe('OK\nv\n');
    const tty = await run(fx, pod, ['redis-cli', '-h', 'redis', 'GET', 'missing'], { tty: true });
    expect(tty.stdout).toBe('(nil)\n');
    const refused = await run(fx, pod, ['redis-cli', '-h', '10.244.1.5', 'PING']);
    expect(refused.stderr.split('\n')[0]).toBe('Could not connect to Redis at 10.244.1.5:6379: Connection refused');
  });
});

describe('localhost and kubectl port-forward tunnels', () => {
  const forward = (fx: ReturnType<typeof createFixture>, pod = 'web-1') =>
    fx.network.dataplane.addForward({ localPort: 8080, address: '127.0.0.1', namespace: 'default', pod, podPort: 80, target: `pod/${pod}` });

  test("the learner's machine: any terminal reaches the tunnel; without one, localhost refuses", async () => {
    const fx = createFixture();
    const before = await run(fx, fx.outside(), ['curl', '-sS', 'localhost:8080']);
    expect(before.stderr.split('\n')[0]).toBe('curl: (7) Failed to connect to localhost port 8080 after 0 ms: Could not connect to server');
    forward(fx);
    for (const terminal of [fx.outside(), fx.outside()]) {
      const r = await run(fx, terminal, ['curl', '-s', 'http://127.0.0.1:8080/']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(NGINX_TITLE);
    }
    expect(fx.network.dataplane.traces.at(-1)!.hops[0].kind).toBe('port-forward');
  });

  test("inside a Pod, localhost is the Pod itself, not the learner's tunnel", async () => {
    const fx = createFixture();
    forward(fx);
    const client = await run(fx, fx.pod('client'), ['curl', '-sS', 'localhost:8080']);
    expect(client.stderr.split('\n')[0]).toBe('curl: (7) Failed to connect to localhost port 8080 after 0 ms: Could not connect to server');
    const own = await run(fx, fx.pod('web-2'), ['curl', '-s', 'localhost']);
    expect(own.stdout).toContain(NGINX_TITLE);
    expect(fx.network.dataplane.traces.at(-1)!.result).toMatchObject({ kind: 'connected', pod: { name: 'web-2' } });
  });

  test('a tunnel to a Pod that is gone accepts, then closes: (52) Empty reply from server', async () => {
    const fx = createFixture();
    forward(fx);
    fx.store.remove('/pods', 'default', 'web-1');
    const r = await run(fx, fx.outside(), ['curl', '-sS', 'localhost:8080']);
    expect(r.code).toBe(52);
    expect(r.stderr.split('\n')[0]).toBe('curl: (52) Empty reply from server');
    // kubectl's side learns of the failed connection from the trace (its error lines).
    expect(fx.network.dataplane.traces.at(-1)!).toMatchObject({ hops: [{ kind: 'port-forward' }], result: { kind: 'refused', accepted: true } });
    const w = await run(fx, fx.outside(), ['wget', '-qO-', 'localhost:8080']);
    expect(w.stderr.split('\n')[0]).toBe('wget: error getting response: Connection reset by peer');
  });
});
