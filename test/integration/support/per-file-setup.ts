import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../../local/dynamodb-local';

// A fresh table per test file: files run in parallel and never see each other's data.
const endpoint = inject('dynamoEndpoint');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `test-${randomUUID()}`;
await ensureTable(endpoint, process.env.TABLE_NAME);
