import { test } from 'vitest';
import { createFixture, run } from './testing/fixture.ts';
test('probe', async () => {
  const fx = createFixture();
  for (const [h, argv] of [
    [fx.pod('client'), ['curl', '-v', 'web']],
    [fx.pod('client'), ['curl', 'http://empty']],
    [fx.outside(), ['curl', '-m', '5', '10.96.12.34']],
    [fx.outside(), ['curl', '-sS', '10.96.12.34']],
    [fx.outside(), ['curl', '-I', '192.168.49.3:30080']],
    [fx.pod('client'), ['curl', 'ext']],
    [fx.pod('client'), ['curl', 'wrong']],
    [fx.pod('client'), ['curl', 'nope']],
    [fx.outside(), ['curl', 'web']],
    [fx.pod('client'), ['curl', 'redis:6379']],
    [fx.pod('client'), ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}\\n', 'web/x']],
  ] as const) {
    const r = await run(fx, h as any, argv as any);
    console.log('$ ' + argv.join(' ') + ` [${r.code}, waited ${r.waitedMs}]\n` + r.stdout.slice(0, 300) + '\n--stderr--\n' + r.stderr);
  }
});
