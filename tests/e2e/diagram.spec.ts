// The traffic pane: the seed walkthrough (one request per Service type) shows each request's hops
// in the log (data-hop-kind per hop, data-hops per request), the diagram draws the Services, and
// the pane's code loads only when the pane opens. Screenshots for a person to look at.

import { expect, test, type Page } from '@playwright/test';
import { openApp, run, watchErrors } from './helpers.ts';

const newest = (page: Page) => page.getByTestId('request').first();

/** Run a command that makes one request, and return the newest log entry's hop kinds. */
async function request(page: Page, line: string, count = 1): Promise<string[]> {
  const before = Number((await page.getByTestId('request-log').getAttribute('data-total')) ?? 0);
  await run(page, line);
  await expect.poll(async () => Number(await page.getByTestId('request-log').getAttribute('data-total'))).toBeGreaterThanOrEqual(before + count);
  return (await newest(page).getAttribute('data-hops'))!.split(',');
}

async function walkthrough(page: Page): Promise<void> {
  await run(page, 'kubectl create deployment nginx --image=nginx --replicas=2');
  await run(page, 'kubectl create deployment httpenv --image=jpetazzo/httpenv --replicas=3');
  await run(page, 'kubectl run tools --image=nicolaka/netshoot -- sleep 3600');
  await run(page, 'kubectl expose deployment nginx --port=80');
  await run(page, 'kubectl expose deployment httpenv --port=8888 --type=LoadBalancer');
  await run(page, 'kubectl expose deployment nginx --name=nginx-np --port=80 --type=NodePort');
  await run(page, 'kubectl create service externalname ext --external-name=example.com');
  await expect(page.getByTestId('cluster-status')).toContainText('pods 6/6 running', { timeout: 60_000 });
}

test('the seed walkthrough shows each Service type hop by hop', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const pane = page.getByTestId('traffic-pane');
  await expect(pane).toHaveAttribute('data-state', 'ready');
  await walkthrough(page);

  // The diagram draws every Service with its type.
  const diagram = page.getByTestId('traffic-diagram');
  for (const [name, type] of [
    ['nginx', 'ClusterIP'],
    ['httpenv', 'LoadBalancer'],
    ['nginx-np', 'NodePort'],
    ['ext', 'ExternalName'],
  ])
    await expect(diagram.locator(`[data-service="${name}"]`)).toHaveAttribute('data-type', type);
  await expect(diagram.locator('[data-pod^="httpenv-"]')).toHaveCount(3);

  // ClusterIP, from a Pod: DNS, kube-proxy's DNAT, (a node hop,) the Pod.
  expect(await request(page, 'kubectl exec tools -- curl -s nginx')).toEqual(expect.arrayContaining(['dns', 'dnat', 'pod']));
  expect((await newest(page).getAttribute('data-hops'))!).toMatch(/^dns,dnat,(node,)?pod$/);
  await expect(newest(page)).toHaveAttribute('data-service-type', 'ClusterIP');

  // LoadBalancer, from the laptop: LB → node → DNAT → SNAT → (node →) Pod.
  await request(page, "curl -s http://$(kubectl get svc httpenv -o jsonpath='{.status.loadBalancer.ingress[0].ip}'):8888");
  expect(await newest(page).getAttribute('data-hops')).toMatch(/^load-balancer,dnat,snat,(node,)?pod$/);
  await expect(newest(page)).toHaveAttribute('data-service-type', 'LoadBalancer');
  await expect(newest(page).locator('[data-hop-kind="snat"]')).toContainText('SNAT');

  // NodePort, from the laptop to a node's address.
  await request(page, "curl -s http://192.168.49.2:$(kubectl get svc nginx-np -o jsonpath='{.spec.ports[0].nodePort}')");
  expect(await newest(page).getAttribute('data-hops')).toMatch(/^node,dnat,snat,(node,)?pod$/);
  await expect(newest(page)).toHaveAttribute('data-service-type', 'NodePort');

  // port-forward: a tunnel from localhost to a Pod.
  await run(page, 'kubectl port-forward svc/nginx 8080:80 &');
  await expect(diagram.locator('[data-anchor="laptop"]')).toContainText(':8080 ⇢ nginx-');
  expect(await request(page, 'curl -s localhost:8080')).toEqual(['port-forward', 'pod']);

  // ExternalName: a DNS alias (CNAME) that leaves the cluster.
  expect(await request(page, 'kubectl exec tools -- nslookup ext')).toEqual(['dns']);
  await expect(newest(page)).toHaveAttribute('data-service-type', 'ExternalName');
  await expect(newest(page).locator('[data-hop-kind="dns"]')).toContainText('CNAME example.com');

  // A burst: one log entry per request, and the load view counts each endpoint.
  await request(page, 'for i in $(seq 1 30); do kubectl exec tools -- curl -s -o /dev/null httpenv:8888; done', 30);
  await page.getByRole('tab', { name: 'Load per Service' }).click();
  const load = page.locator('[data-load-service="default/httpenv"] [data-endpoint]');
  await expect(load).toHaveCount(3);
  const counts = await load.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(31);
  await page.getByRole('tab', { name: 'Requests' }).click();

  // Filter by Service, and replay one request (its path lights up).
  await page.getByTestId('log-filter').selectOption('default/nginx-np');
  await expect(page.getByTestId('request')).toHaveCount(1);
  await page.getByTestId('request').first().getByRole('button').click();
  await expect(page.getByTestId('request').first()).toHaveClass(/selected/);
  await page.getByTestId('log-filter').selectOption('');

  await page.screenshot({ path: 'screenshots/traffic-desktop-light.png' });
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('traffic-pause').click();
  await page.getByTestId('request').nth(2).getByRole('button').click();
  await page.screenshot({ path: 'screenshots/traffic-desktop-dark.png' });
  expect(errors).toEqual([]);
});

test('the pane loads on demand on narrow screens; tablet screenshots', async ({ page }) => {
  const errors = watchErrors(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.setViewportSize({ width: 768, height: 1024 });
  await openApp(page);
  await expect(page.getByTestId('traffic-pane')).toHaveCount(0);
  expect(scripts.some((u) => /TrafficPane/.test(u))).toBe(false);
  await page.getByTestId('traffic-toggle').click();
  await expect(page.getByTestId('traffic-pane')).toHaveAttribute('data-state', 'ready');
  expect(scripts.some((u) => /TrafficPane/.test(u))).toBe(true);
  await page.locator('[data-terminal]').first().click();
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await run(page, 'kubectl expose deployment web --port=80 --type=NodePort');
  await expect(page.getByTestId('cluster-status')).toContainText('pods 3/3 running', { timeout: 60_000 });
  await request(page, "curl -s http://192.168.49.3:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')");
  await page.screenshot({ path: 'screenshots/traffic-tablet-light.png' });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.getByTestId('request').first().getByRole('button').click();
  await page.screenshot({ path: 'screenshots/traffic-tablet-dark.png' });
  expect(errors).toEqual([]);
});

test('with reduced motion nothing flies; the selected path is drawn still', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await run(page, 'kubectl create deployment web --image=nginx');
  await run(page, 'kubectl expose deployment web --port=80 --type=NodePort');
  await expect(page.getByTestId('cluster-status')).toContainText('pods 1/1 running', { timeout: 60_000 });
  await request(page, "curl -s http://192.168.49.2:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')");
  await expect(page.locator('[data-flight]')).toHaveCount(0);
  await page.getByTestId('request').first().getByRole('button').click();
  await expect(page.locator('.highlight polyline')).toHaveCount(1);
});
