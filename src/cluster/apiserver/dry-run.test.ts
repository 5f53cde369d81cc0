import { describe, expect, it } from 'vitest';
import { isDryRun } from './dry-run.ts';

describe('isDryRun', () => {
  it('reads the query for writes and the DeleteOptions body for DELETE (as client-go sends them)', () => {
    expect(isDryRun({ method: 'POST', query: { dryRun: 'All' } })).toBe(true);
    expect(isDryRun({ method: 'DELETE', body: { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] } })).toBe(true);
    expect(isDryRun({ method: 'DELETE', body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' } })).toBe(false);
    expect(isDryRun({ method: 'PATCH', body: { dryRun: ['All'] } })).toBe(false);
    expect(isDryRun({ method: 'PUT' })).toBe(false);
  });
});
