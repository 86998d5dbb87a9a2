import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../shared/http/route';
import { acknowledge } from '../nag';

export interface ServiceApiProps {
  /** The JWT issuer (the user pool's provider URL) and the audience (the web client id). */
  jwtIssuer: string;
  jwtAudience: string[];
  allowedOrigins: string[];
  throttleRateLimit: number;
  throttleBurstLimit: number;
  accessLogGroupName: string;
  logRetention: RetentionDays;
}

/** Request headers a browser client sends: the token, JSON/CSV bodies, idempotent creates and optimistic locking. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];

/** One JSON object per request, so CloudWatch Logs Insights can query the fields by name. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
  userAgent: '$context.identity.userAgent',
};

/**
 * The HTTP API: one route per route-table entry, each behind the Cognito JWT
 * authorizer unless the entry is public. The authorizer is the API's default,
 * so a route is protected unless it says otherwise. Routes served by the same
 * function share one integration and one invoke permission, so a route costs
 * the stack one resource, the route itself.
 */
export class ServiceApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private readonly publicAccess: IHttpRouteAuthorizer = new HttpNoneAuthorizer();
  private readonly integrations = new Map<IFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'NCA–ROCU workforce coordination API',
      defaultAuthorizer: new HttpJwtAuthorizer('CognitoAuthorizer', props.jwtIssuer, { jwtAudience: props.jwtAudience }),
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ALLOWED_HEADERS,
        // Bearer tokens, not cookies: the browser never needs to send credentials.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
      // The stage below is made explicitly: HttpApi's own default stage takes no logging or throttling.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: props.accessLogGroupName,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit, burstLimit: props.throttleBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** The API's base URL, without a trailing slash: the `$default` stage adds no stage name to paths. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Route `route` to `fn`, with the JWT authorizer unless the route is public. */
  addRoute(route: RouteDef, fn: IFunction): void {
    // The local gateway's own routes (personas, token minting) must never be deployed.
    if (route.path === '/local' || route.path.startsWith('/local/')) {
      throw new Error(`Route ${route.id}: ${route.path} is local-only and cannot be deployed.`);
    }
    const routes = this.httpApi.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration: this.integrationOf(fn),
      ...(route.auth.kind === 'public' ? { authorizer: this.publicAccess } : {}),
    });
    if (route.auth.kind === 'public') {
      for (const r of routes) {
        acknowledge(
          r,
          'AwsSolutions-APIG4',
          `${route.method} ${route.path} (${route.summary}) is marked public in the route table: callers need it before they have a token, and it returns no personal or organisational data.`,
        );
      }
    }
  }

  /**
   * One integration per function, and one permission letting this API (any of
   * its routes) invoke it: a permission per route would cost a resource per
   * route and grow the function's resource policy toward its 20 KB limit. The
   * function serves only the route keys it knows and answers 404 to any other.
   */
  private integrationOf(fn: IFunction): HttpLambdaIntegration {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn, { scopePermissionToRoute: false });
      this.integrations.set(fn, integration);
    }
    return integration;
  }
}
