// Table layout from real `minikube service --all` transcripts (tablewriter: centred headers,
// numbers right-aligned); the rest from minikube v1.37's messages.
import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run.ts';
import { tableWriter } from './minikube.ts';

describe('minikube', () => {
  it('draws tables as minikube service does', () => {
    expect(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [['default', 'app-python', '8080', 'http://192.168.49.2:30413']])).toBe(
      '|-----------|------------|-------------|---------------------------|\n' +
        '| NAMESPACE |    NAME    | TARGET PORT |            URL            |\n' +
        '|-----------|------------|-------------|---------------------------|\n' +
        '| default   | app-python |        8080 | http://192.168.49.2:30413 |\n' +
        '|-----------|------------|-------------|---------------------------|\n',
    );
  });

  it('ip, status, service errors, tunnel hint, unknown commands', async () => {
    const r = await runScript(`minikube ip
minikube ip -n nope
minikube service nope
minikube ssh -n minikube-m02 hostname
minikube frobnicate
`);
    const [ip, bad, svc, ssh, unknown] = r.entries;
    expect(ip.output).toBe('192.168.49.2\n');
    expect(bad.exitCode).toBe(85);
    expect(svc.output).toContain("❌  Exiting due to SVC_NOT_FOUND: Service 'nope' was not found in 'default' namespace.");
    expect(ssh.output).toBe('minikube-m02\n');
    expect(unknown.output).toBe('Error: unknown command "frobnicate" for "minikube"\nRun \'minikube --help\' for usage.\n');
  });

  it('mongosh without a server: the connect banner, then the refusal', async () => {
    const r = await runScript('mongosh --port 28015\n');
    expect(r.entries[0].output).toMatch(/^Current Mongosh Log ID:\t[0-9a-f]{24}\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:28015\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.5\.8\nMongoNetworkError: connect ECONNREFUSED 127\.0\.0\.1:28015\n/);
    expect(r.exitCode).toBe(1);
  });
});
