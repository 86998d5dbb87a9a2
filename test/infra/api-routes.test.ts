import { beforeAll, describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { routeList } from '../../shared/api/routes';
import type { RouteDef } from '../../shared/http/route';
import { resourcesOfType, synthService } from './support/synth-service';

describe('the HTTP API', () => {
  let template: Template;
  let routesByKey: Map<string, Record<string, any>>;

  beforeAll(() => {
    template = synthService({ allowedOrigins: 'https://workforce.example.police.uk,https://admin.example.police.uk' }).template();
    routesByKey = new Map(
      Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties!.RouteKey as string, r.Properties!]),
    );
  });

  it('has one route for every route-table entry, and no other', () => {
    expect([...routesByKey.keys()].sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(routeList.map((r) => [`${r.method} ${r.path}`, r] as const))('%s is behind the Cognito JWT authorizer unless public', (key, route) => {
    const props = routesByKey.get(key)!;
    if (route.auth.kind === 'public') {
      expect(props.AuthorizationType).toBe('NONE');
      expect(props.AuthorizerId).toBeUndefined();
    } else {
      expect(props.AuthorizationType).toBe('JWT');
      expect(props.AuthorizerId).toEqual({ Ref: expect.stringMatching(/CognitoAuthorizer/) });
    }
  });

  it('only lets the health check and the API description through without a token', () => {
    const publicKeys = [...routesByKey].filter(([, p]) => p.AuthorizationType === 'NONE').map(([k]) => k);
    expect(publicKeys.sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
  });

  it('serves no local-only route', () => {
    for (const key of routesByKey.keys()) expect(key.split(' ')[1]).not.toMatch(/^\/local(\/|$)/);
  });

  it('trusts tokens from the service user pool, issued to the web client', () => {
    const authorizers = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    const props = authorizers[0]!.Properties!;
    expect(props.AuthorizerType).toBe('JWT');
    expect(props.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(props.JwtConfiguration.Issuer).toEqual({
      'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: expect.stringMatching(/UserPool/) }]],
    });
    expect(props.JwtConfiguration.Audience).toEqual([{ Ref: expect.stringMatching(/WebClient/) }]);
  });

  it('sends every route to its own function with the 2.0 payload', () => {
    const integrations = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Integration'));
    expect(integrations).toHaveLength(routeList.length);
    for (const i of integrations) {
      expect(i.Properties!.IntegrationType).toBe('AWS_PROXY');
      expect(i.Properties!.PayloadFormatVersion).toBe('2.0');
    }
  });

  it('allows browser calls from the configured origins only, with the headers the API reads', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        // The configured origins, then the web UI's own distribution.
        AllowOrigins: [
          'https://workforce.example.police.uk',
          'https://admin.example.police.uk',
          { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }]] },
        ],
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        AllowCredentials: false,
      },
    });
  });

  it('logs every request as JSON to its own log group and throttles by default', () => {
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]!.Properties!;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/AccessLogs/), 'Arn'] });
    const format = JSON.parse(stage.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
  });

  it('takes throttling limits from context', () => {
    const t = synthService({ throttleRateLimit: '7', throttleBurstLimit: 9 }).template();
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 7, ThrottlingBurstLimit: 9 } });
  });

  it('refuses to deploy a local-only route', () => {
    const local: RouteDef = { ...routeList[0]!, id: 'localToken', method: 'POST', path: '/local/token' };
    expect(() => synthService({}, { routes: [...routeList, local] })).toThrow(/local-only/);
  });
});
