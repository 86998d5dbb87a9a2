import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

let client: DynamoDBDocumentClient | undefined;
let base: DynamoDBClient | undefined;

/**
 * The one DocumentClient of the process, made on first use so that config is
 * read once. Locally it points at DynamoDB Local with dummy credentials.
 */
export function documentClient(): DynamoDBDocumentClient {
  if (!client) {
    const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
    base = new DynamoDBClient({
      region: AWS_REGION,
      // Fail fast when the table is unreachable or throttled: three attempts with
      // the SDK's jittered backoff, a second to connect and three to answer
      // (DynamoDB answers in milliseconds), so a Lambda answers 503 with
      // Retry-After in a few seconds instead of running into its own timeout.
      maxAttempts: 3,
      retryMode: 'standard',
      requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
      ...(DYNAMODB_ENDPOINT
        ? { endpoint: DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }
  return client;
}

/** The low-level client under the DocumentClient (for libraries that want one, such as Powertools idempotency). */
export function baseClient(): DynamoDBClient {
  documentClient();
  return base!;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

/** For tests that swap the endpoint or table between files. */
export function resetDocumentClient(): void {
  client?.destroy();
  client = undefined;
  base = undefined;
}
