import { describe, expect, it } from 'vitest';
import { synthService } from './support/synth-service';

describe('deployment settings from CDK context', () => {
  it('names the stack for the stage, dev by default', () => {
    expect(synthService().stack.stackName).toBe('RocuWorkforce-dev');
    expect(synthService({ stage: 'prod' }).stack.stackName).toBe('RocuWorkforce-prod');
  });

  it('reads lists given on the command line as comma-separated strings', () => {
    const { stack } = synthService({ allowedOrigins: 'https://a.example, https://b.example' });
    expect(stack.node.tryGetContext('allowedOrigins')).toBe('https://a.example, https://b.example');
    const api = stack.api.httpApi.node.defaultChild as { corsConfiguration?: { allowOrigins?: string[] } };
    // Then the web UI's own distribution.
    expect(api.corsConfiguration?.allowOrigins?.slice(0, 2)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('rejects a stage that cannot be part of resource names', () => {
    expect(() => synthService({ stage: 'Prod_1' })).toThrow(/Invalid CDK context: stage/);
  });

  it('rejects a log retention CloudWatch does not offer', () => {
    expect(() => synthService({ logRetentionDays: 42 })).toThrow(/logRetentionDays/);
  });

  it('rejects an origin that is not a URL', () => {
    expect(() => synthService({ allowedOrigins: 'workforce.example' })).toThrow(/allowedOrigins/);
  });
});
