import { beforeAll, describe, expect, it } from 'vitest';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthService } from './support/synth-service';

type Resource = { Type: string; Properties?: Record<string, any> };

describe('the web UI hosting', () => {
  let template: Template;
  let stack: ReturnType<typeof synthService>['stack'];
  let distribution: Record<string, any>;
  let distributionId: string;
  let siteBucketId: string;

  beforeAll(() => {
    const built = synthService({ stage: 'test', callbackUrls: 'https://workforce.example.police.uk/callback' });
    stack = built.stack;
    template = built.template();
    const distributions = Object.entries(resourcesOfType(template, 'AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(1);
    [distributionId, { Properties: { DistributionConfig: distribution } = {} as any }] = distributions[0]! as [string, Resource];
    siteBucketId = distribution.Origins[0].DomainName['Fn::GetAtt'][0];
  });

  it('serves a private bucket through origin access control, not an origin access identity', () => {
    expect(distribution.Origins).toHaveLength(1);
    const [origin] = distribution.Origins;
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const site = resourcesOfType(template, 'AWS::S3::Bucket')[siteBucketId]!.Properties!;
    expect(site.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(site.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
  });

  it("lets only this distribution read the site bucket, and only over TLS", () => {
    const policies = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).filter(
      (p) => p.Properties!.Bucket.Ref === siteBucketId,
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties!.PolicyDocument.Statement as Record<string, any>[];
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
    });
    const sourceArn = JSON.stringify(allows[0]!.Condition.StringEquals['AWS:SourceArn']);
    expect(sourceArn).toContain(distributionId);
    const denies = statements.filter((s) => s.Effect === 'Deny');
    expect(denies).toContainEqual(
      expect.objectContaining({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
    );
  });

  it('redirects HTTP to HTTPS and allows only GET and HEAD', () => {
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(distribution.DefaultRootObject).toBe('index.html');
  });

  it('answers deep links with index.html and 200, so the app routes them on reload', () => {
    expect(distribution.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
    ]);
  });

  it('adds the security headers to every answer: HSTS, CSP, nosniff, no framing, referrer policy', () => {
    const policyId = distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string;
    const headers = resourcesOfType(template, 'AWS::CloudFront::ResponseHeadersPolicy')[policyId]!.Properties!
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
    const csp = JSON.stringify(stack.resolve(headers.ContentSecurityPolicy.ContentSecurityPolicy));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // The browser calls the API (execute-api) and the hosted sign-in domain (token exchange) directly.
    expect(csp).toMatch(/connect-src 'self' https:\/\/rocu-workforce-test\.auth\.",\{"Ref":"AWS::Region"\},"\.amazoncognito\.com https:\/\/\*\.execute-api\./);
  });

  it('logs viewer requests to a private log bucket that expires them', () => {
    const logBucketId = distribution.Logging.Bucket['Fn::GetAtt'][0] as string;
    expect(logBucketId).not.toBe(siteBucketId);
    const logBucket = resourcesOfType(template, 'AWS::S3::Bucket')[logBucketId]!.Properties!;
    expect(logBucket.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    expect(logBucket.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(90);
    const site = resourcesOfType(template, 'AWS::S3::Bucket')[siteBucketId]!.Properties!;
    expect(site.LoggingConfiguration.DestinationBucketName.Ref).toBe(logBucketId);
  });

  it('deploys the build with long-lived assets, and index.html and config.json never cached', () => {
    const deployments = Object.values(resourcesOfType(template, 'Custom::CDKBucketDeployment')).map((d) => d.Properties!);
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.Prune === true)!;
    const entry = deployments.find((d) => d.Prune === false)!;
    expect(assets.Exclude).toEqual(['index.html', 'config.json']);
    expect(assets.SystemMetadata['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(entry.Include).toEqual(['index.html', 'config.json']);
    expect(entry.SystemMetadata['cache-control']).toBe('no-cache');
    expect(entry.DistributionId).toEqual({ Ref: distributionId });
    expect(entry.DistributionPaths).toEqual(['/index.html', '/config.json']);
  });

  it('writes config.json at deploy time from the stack: API URL, hosted UI domain, client id, region, redirect', () => {
    const entry = Object.values(resourcesOfType(template, 'Custom::CDKBucketDeployment'))
      .map((d) => d.Properties!)
      .find((d) => d.Prune === false)!;
    const markers = Object.values(entry.SourceMarkers[1] as Record<string, unknown>).map((v) => JSON.stringify(v));
    const [apiId] = Object.keys(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'));
    const [clientId] = Object.keys(resourcesOfType(template, 'AWS::Cognito::UserPoolClient'));
    const [domainId] = Object.keys(resourcesOfType(template, 'AWS::Cognito::UserPoolDomain'));
    expect(markers).toContain(JSON.stringify({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }));
    expect(markers).toContain(JSON.stringify({ Ref: clientId }));
    expect(markers).toContain(JSON.stringify({ Ref: domainId }));
    expect(markers).toContain(JSON.stringify({ Ref: 'AWS::Region' }));
    expect(markers).toContain(JSON.stringify({ 'Fn::GetAtt': [distributionId, 'DomainName'] }));
    expect(entry.SourceMarkersConfig[1]).toEqual({ jsonEscape: true });
  });

  it('lets Cognito return to the distribution after sign-in and sign-out, and the API accept its origin', () => {
    const client = Object.values(resourcesOfType(template, 'AWS::Cognito::UserPoolClient'))[0]!.Properties!;
    const domain = { 'Fn::GetAtt': [distributionId, 'DomainName'] };
    expect(client.CallbackURLs).toEqual([
      'https://workforce.example.police.uk/callback',
      { 'Fn::Join': ['', ['https://', domain, '/auth/callback']] },
    ]);
    expect(client.LogoutURLs).toContainEqual({ 'Fn::Join': ['', ['https://', domain, '/']] });
    const api = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'))[0]!.Properties!;
    expect(api.CorsConfiguration.AllowOrigins).toContainEqual({ 'Fn::Join': ['', ['https://', domain]] });
  });

  it('outputs the web URL', () => {
    template.hasOutput('WebUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] } });
  });

  it('costs a fixed 16 resources, whatever the number of routes, and the stack stays under CloudFormation’s 500', () => {
    const ids = Object.keys(template.toJSON().Resources as object);
    const web = ids.filter((id) => id.startsWith('Web') || id.startsWith('CustomCDKBucketDeployment'));
    expect(web.length).toBeLessThanOrEqual(16);
    expect(ids.length).toBeLessThan(500);
  });

  it('warns at synth, and deploys a placeholder, when the web UI was not built', async () => {
    const { App, Stack } = await import('aws-cdk-lib');
    const { WebHosting } = await import('../../infra/constructs/web-hosting');
    const app = new App({ builtinCloudFormationValidation: false });
    const probe = new Stack(app, 'Probe');
    const web = new WebHosting(probe, 'Web', { distDir: '/nonexistent/web/dist', connectSources: [] });
    web.deploy({ apiUrl: 'https://api', cognitoDomain: 'https://auth', clientId: 'c', region: 'eu-west-2', redirectUri: 'https://x/auth/callback', logoutUri: 'https://x/' });
    Annotations.fromStack(probe).hasWarning('/Probe/Web', Match.stringLikeRegexp('npm run build:web'));
  });
});
