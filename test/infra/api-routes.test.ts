import { beforeAll, describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { FUNCTION_KIND_NAMES, functionKind, routeKey } from '../../shared/api/function-kinds';
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

  it('sends every route to the function of its kind, through one integration per function, with the 2.0 payload', () => {
    const integrations = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration');
    expect(Object.keys(integrations)).toHaveLength(FUNCTION_KIND_NAMES.length);
    for (const i of Object.values(integrations)) {
      expect(i.Properties!.IntegrationType).toBe('AWS_PROXY');
      expect(i.Properties!.PayloadFormatVersion).toBe('2.0');
    }
    for (const route of routeList) {
      const props = routesByKey.get(routeKey(route))!;
      const integrationId = (props.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
      const uri = JSON.stringify(integrations[integrationId.Ref]!.Properties!.IntegrationUri);
      const kind = functionKind(route);
      expect(uri, route.id).toContain(`${kind.charAt(0).toUpperCase()}${kind.slice(1)}ApiFunction`);
    }
  });

  it('lets the API invoke each API function through one permission, for this API only', () => {
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).filter((p) => p.Properties!.Principal === 'apigateway.amazonaws.com');
    expect(permissions).toHaveLength(FUNCTION_KIND_NAMES.length);
    for (const p of permissions) {
      expect(JSON.stringify(p.Properties!.FunctionName)).toMatch(/(Read|Write|Import)ApiFunction/);
      expect(JSON.stringify(p.Properties!.SourceArn)).toContain(':execute-api:');
      expect(JSON.stringify(p.Properties!.SourceArn)).toMatch(/"Ref":"ApiHttpApi[^"]*"/);
    }
  });

  it('serves the routes that only read from the read function, changes from the write function, the CSV import on its own', () => {
    const kinds = Object.fromEntries(routeList.map((r) => [r.id, functionKind(r)]));
    expect(kinds).toMatchObject({ getCampaign: 'read', previewCampaignImpact: 'read', getOpenApi: 'read', createCampaign: 'write', respondToAlert: 'write', importOfficers: 'import' });
    for (const route of routeList) if (route.access === 'write') expect(kinds[route.id], route.id).not.toBe('read');
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
