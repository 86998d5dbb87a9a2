import { describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { synthService } from './support/synth-service';

const ACK_KEY = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

describe('cdk-nag AWS Solutions checks', () => {
  it('find nothing that is not fixed or acknowledged with a reason', () => {
    const { app } = synthService();
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });

  it('do not stop the synth (the plugin is registered on the app)', () => {
    const { app } = synthService();
    expect(() => app.synth()).not.toThrow();
  });

  it('stop the synth when a finding is left unacknowledged', async () => {
    const { App, Stack } = await import('aws-cdk-lib');
    const { Role, ServicePrincipal, PolicyStatement } = await import('aws-cdk-lib/aws-iam');
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Probe');
    const role = new Role(stack, 'Probe', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5/);
  });

  it('every acknowledgement gives a reason of substance', () => {
    const { app } = synthService();
    const reasons: [string, string][] = [];
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== ACK_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) reasons.push([id, reason]);
      }
    }
    expect(reasons.length).toBeGreaterThan(0);
    for (const [id, reason] of reasons) expect(reason.length, id).toBeGreaterThan(40);
  });
});
