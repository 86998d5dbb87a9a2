import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/domain/reference';
import { acknowledge } from '../nag';

export interface IdentityProps {
  callbackUrls: string[];
  logoutUrls: string[];
  domainPrefix: string;
  /** Shapes the tokens: copies organisation, officer, regions and groups into claims (V2 trigger). */
  preTokenGeneration: IFunction;
}

/**
 * Who the callers are: a Cognito user pool whose groups are the service's roles,
 * the web UI's app client, and the hosted sign-in domain. Accounts are created
 * by administrators (no self sign-up) and linked to an organisation through
 * custom attributes the app client cannot write.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        org: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        officerId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        // Comma-separated region ids (a ROCC's regions); the trigger turns it into an array claim.
        regions: new StringAttribute({ minLen: 0, maxLen: 256, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      // Police HR and vetting-adjacent records: every account signs in with an authenticator app.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // ESSENTIALS is the cheapest plan that runs a V2 pre-token-generation trigger (access-token claims).
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // The accounts and their organisation links are records in their own right.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, props.preTokenGeneration, LambdaVersion.V2_0);
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'The ESSENTIALS feature plan is enough for the V2 pre-token-generation trigger; PLUS (threat protection) is a cost decision for production, not needed for the service to be correct.',
    );

    for (const role of ROLES) {
      this.userPool.addGroup(`${toPascal(role)}Group`, {
        groupName: role,
        description: `Service role "${role}": carried in the access token's roles claim.`,
      });
    }

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: authorisation code grant with PKCE instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('org', 'officerId', 'regions'),
      // Organisation, officer and regions decide what a caller may see: only administrators set them.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /**
   * The `iss` of this pool's tokens, as the JWT authorizer must match it. Built
   * here rather than taken from `userPoolProviderUrl` (the ProviderURL attribute),
   * which is not documented to carry the `https://` scheme the issuer has; the
   * same form CDK's HttpUserPoolAuthorizer uses.
   */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}

function toPascal(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
