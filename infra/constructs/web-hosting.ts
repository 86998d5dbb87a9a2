import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../nag';

/** What the web app reads from `/config.json` at start (see web/src/config.ts). */
export interface WebRuntimeConfig {
  /** Base URL of the HTTP API, without a trailing slash (the app appends `/v1/...`). */
  apiUrl: string;
  /** Cognito hosted UI base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  cognitoDomain: string;
  clientId: string;
  region: string;
  /** Where the hosted UI returns with `?code=`: must be one of the client's callback URLs. */
  redirectUri: string;
  /** Where the hosted UI's /logout returns: must be one of the client's logout URLs. */
  logoutUri: string;
}

export interface WebHostingProps {
  /** The built web UI (`vite build` output). Absent: a placeholder page is deployed and synth warns. */
  distDir: string;
  /** Origins the app calls besides its own: the Cognito hosted domain (token exchange) and the API. */
  connectSources: string[];
}

/** The path the hosted UI sends the browser back to with `?code=…&state=…`. */
export const SIGN_IN_CALLBACK_PATH = '/auth/callback';

const NOT_BUILT_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Not built</title></head>
<body><p>The web UI was not built before this deployment. Run <code>npm run build:web</code>, then deploy again.</p></body></html>`;

/**
 * The web UI in AWS: a private S3 bucket read only by one CloudFront
 * distribution (origin access control), HTTPS only, with security headers on
 * every answer and the single-page app's deep links served by index.html.
 *
 * Deployed in two steps so caching follows how files change: hashed assets are
 * immutable for a year; index.html and the runtime config.json (API URL, Cognito
 * domain, client id, written at deploy time from the stack's own values) are
 * never cached, so a deployment takes effect on the next load.
 *
 * No versioning on the site bucket: its content is a build output, reproducible
 * from the repository, and every deployment replaces it. The access logs go to a
 * separate bucket, kept 90 days.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly headersPolicy: ResponseHeadersPolicy;
  private readonly distDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.distDir = props.distDir;

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with an ACL: the bucket owner must be able to take ownership.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logBucket,
      'AwsSolutions-S1',
      'This is the access-log bucket of the web UI bucket and distribution; logging its own access would log the logging without end.',
    );

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      // A build output: the next deployment recreates it.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const connectSrc = ["'self'", ...props.connectSources].join(' ');
    this.headersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the web UI',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            `connect-src ${connectSrc}`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Web UI of ${Stack.of(this).stackName}`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        compress: true,
      },
      // Deep links (/campaigns/cmp_1) are the app's own routes: S3 answers 403 for a key it does not
      // have (no ListBucket), so both 403 and 404 become index.html with 200, and the app routes.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'distribution/',
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff of the NCA and ROCUs travel and second abroad; sign-in (Cognito, MFA required) decides access, not the country of the request.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'The distribution serves only static files of the web UI; data is behind the throttled, JWT-authorised API. A WAF web ACL is a cost decision for production.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate cannot pin TLS 1.2; a custom domain with its own ACM certificate and the TLSv1.2_2021 policy is a production setting.',
    );
  }

  /** `https://<id>.cloudfront.net`: the web UI's origin, for CORS, callbacks and links. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Upload the built app and the runtime config. Separate from the constructor
   * because the config names the Cognito client, whose callback URLs name this
   * distribution: the distribution exists first, the config is written after.
   */
  deploy(config: WebRuntimeConfig): void {
    const built = existsSync(join(this.distDir, 'index.html'));
    if (!built) {
      Annotations.of(this).addWarningV2(
        'rocu:webNotBuilt',
        `${this.distDir} has no index.html: deploying a placeholder page. Run npm run build:web before cdk deploy.`,
      );
    }
    const app: ISource = built ? Source.asset(this.distDir) : Source.data('index.html', NOT_BUILT_PAGE);

    // 1. Hashed assets: cached for a year. index.html and config.json are excluded, so this
    //    deployment's prune leaves them alone.
    const assets = new BucketDeployment(this, 'Assets', {
      destinationBucket: this.bucket,
      sources: [app],
      exclude: ['index.html', 'config.json'],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      prune: true,
      memoryLimit: 512,
    });

    // 2. The entry page and the runtime config: never cached, and invalidated at CloudFront.
    const entry = new BucketDeployment(this, 'EntryAndConfig', {
      destinationBucket: this.bucket,
      sources: [app, Source.jsonData('config.json', { mode: 'cognito', ...config })],
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // The new index.html names the new assets: upload them first.
    entry.node.addDependency(assets);

    // Both deployments run on one CDK-provided singleton function (per memory size): acknowledge its findings there.
    const handler = assets.handlerRole.node.scope;
    if (handler) {
      acknowledge(
        handler,
        'AwsSolutions-L1',
        "CDK's BucketDeployment provider function: aws-cdk-lib chooses and updates its runtime, not this app.",
      );
      acknowledge(
        handler,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "CDK's BucketDeployment provider runs with AWSLambdaBasicExecutionRole: it writes its own logs and nothing else with it.",
      );
      const copy = "CDK's BucketDeployment copies the build from the CDK staging asset bucket into the site bucket, removes stale files, and invalidates the distribution (which takes no resource-level permission).";
      for (const finding of [
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        wildcardResourceFinding(this, `${this.bucket.bucketArn}/*`),
      ]) {
        acknowledge(handler, finding, copy);
      }
    }
  }
}
