import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { ROLES } from '../../shared/domain/reference';
import { resourcesOfType, synthService } from './support/synth-service';

describe('the Cognito identity', () => {
  let template: Template;
  let pool: Record<string, any>;

  beforeAll(() => {
    template = synthService({ stage: 'test', callbackUrls: 'https://workforce.example.police.uk/callback' }).template();
    const pools = Object.values(resourcesOfType(template, 'AWS::Cognito::UserPool'));
    expect(pools).toHaveLength(1);
    pool = pools[0]!;
  });

  it('accounts are created by administrators only, and sign in with their email', () => {
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Properties.UsernameAttributes).toEqual(['email']);
  });

  it('demands strong passwords and requires TOTP multi-factor authentication', () => {
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('is on the Essentials plan, kept when the stack goes, and protected from deletion', () => {
    expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('holds the organisation, officer id and regions as custom attributes', () => {
    const custom = (pool.Properties.Schema as { Name: string; AttributeDataType: string }[]).filter((a) =>
      ['org', 'officerId', 'regions'].includes(a.Name),
    );
    expect(custom.map((a) => [a.Name, a.AttributeDataType])).toEqual([
      ['org', 'String'],
      ['officerId', 'String'],
      ['regions', 'String'],
    ]);
  });

  it('runs the pre-token-generation trigger as version 2, so it can shape the access token', () => {
    const config = pool.Properties.LambdaConfig.PreTokenGenerationConfig;
    expect(config.LambdaVersion).toBe('V2_0');
    const [fnId] = config.LambdaArn['Fn::GetAtt'] as [string, string];
    expect(fnId).toMatch(/^PreTokenGenerationFunction/);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('has one group per service role', () => {
    const groups = Object.values(resourcesOfType(template, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties!.GroupName as string);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('the web client uses the code grant without a secret, and cannot write the organisation claims', () => {
    const clients = Object.values(resourcesOfType(template, 'AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties!;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.CallbackURLs[0]).toBe('https://workforce.example.police.uk/callback'); // then the web UI's distribution
    expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:org', 'custom:officerId', 'custom:regions']));
  });

  it('has a hosted sign-in domain named for the stage', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'rocu-workforce-test' });
  });

  it('outputs what a client and an operator need: API URL, user pool, client id, sign-in domain, table, event bus, escalation failures, web UI', () => {
    expect(Object.keys(template.toJSON().Outputs as object).sort()).toEqual([
      'ApiUrl',
      'CognitoDomain',
      'EscalationFailuresQueueUrl',
      'EventBusName',
      'TableName',
      'UserPoolId',
      'WebClientId',
      'WebUrl',
    ]);
  });
});
