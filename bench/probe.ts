/**
 * Counting DynamoDB round trips, and replaying what a request did as the floor.
 *
 * A middleware on the service's one DynamoDB client (the one under the
 * DocumentClient in shared/data/client.ts; the gateway runs the handlers in
 * this process, so they all go through it) counts every call. Calls that start
 * while another is in flight are parallel: they belong to the same "wave", and
 * the waves of one request are its sequential round trips, as
 * shared/data/README.md counts them. It also records each call's (already
 * marshalled) input, so the floor can issue exactly the same operations with
 * the bare SDK.
 */
import { randomUUID } from 'node:crypto';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { baseClient } from '../shared/data/client';

export interface RecordedCall {
  command: string;
  input: Record<string, unknown>;
  wave: number;
}

export interface ProbeWindow {
  calls: number;
  waves: number;
  recorded: RecordedCall[];
}

export class DynamoProbe {
  private inFlight = 0;
  private window: ProbeWindow | undefined;

  /** Add the counting middleware to the service's client (once, before the first request). */
  install(): void {
    baseClient().middlewareStack.add(
      (next, context) => async (args) => {
        const w = this.window;
        if (w) {
          if (this.inFlight === 0) w.waves++;
          w.calls++;
          w.recorded.push({ command: String(context.commandName), input: structuredClone(args.input as Record<string, unknown>), wave: w.waves });
        }
        this.inFlight++;
        try {
          return await next(args);
        } finally {
          this.inFlight--;
        }
      },
      // After the DocumentClient's marshalling (initialize step), before retries (finalizeRequest): one count per call.
      { step: 'build', name: 'benchRoundTripProbe' },
    );
  }

  /** Count what `fn` (one request at a time) makes DynamoDB do. */
  async measure(fn: () => Promise<void>): Promise<ProbeWindow> {
    const w: ProbeWindow = { calls: 0, waves: 0, recorded: [] };
    this.window = w;
    try {
      await fn();
    } finally {
      this.window = undefined;
    }
    return w;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = new (input: any) => any;
const COMMANDS: Record<string, AnyCommand> = {
  GetItemCommand,
  QueryCommand,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
};

/** A client made like the service's (same retries, same local endpoint), but without the probe. */
export function floorClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    region: 'eu-west-2',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}

/**
 * One TransactWriteItems with as many actions as the recorded one, each a
 * conditional Put of a new item about as large as the original action (a
 * replayed transaction would fail its conditions: the application exists now).
 */
function freshTransaction(input: Record<string, unknown>): Record<string, unknown> {
  const items = (input.TransactItems as TransactWriteItem[]) ?? [];
  const table = Object.values(items[0] ?? {})[0]?.TableName as string;
  const run = randomUUID();
  return {
    TransactItems: items.map((action, i) => ({
      Put: {
        TableName: table,
        Item: { pk: { S: `BENCHFLOOR#${run}` }, sk: { S: `ACTION#${i}` }, payload: { S: 'x'.repeat(Math.max(1, JSON.stringify(action).length - 80)) } },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  };
}

/**
 * The floor of a request: its recorded calls issued with the bare SDK, wave
 * by wave (a wave's calls in parallel), with a write's transaction replaced by
 * a fresh one of the same shape. `onlyTransaction`: just that transaction
 * (the "one TransactWriteItems" the write target is measured against).
 */
export function floorOf(client: DynamoDBClient, recorded: readonly RecordedCall[], onlyTransaction = false): () => Promise<void> {
  const calls = onlyTransaction ? recorded.filter((c) => c.command === 'TransactWriteItemsCommand').slice(-1) : recorded;
  const waves = [...new Set(calls.map((c) => c.wave))].map((w) => calls.filter((c) => c.wave === w));
  return async () => {
    for (const wave of waves) {
      await Promise.all(
        wave.map((call) => {
          const Command = COMMANDS[call.command];
          if (!Command) throw new Error(`The floor cannot replay ${call.command}`);
          const input = call.command === 'TransactWriteItemsCommand' ? freshTransaction(call.input) : call.input;
          return client.send(new Command(input));
        }),
      );
    }
  };
}
