/**
 * Notification latency through the outbox, locally: from a change's commit
 * (the TransactWriteItems that holds its event) to the event's line in the
 * outbox file, delivered by the same drain the local gateway runs after each
 * request (`drainOutbox`: the delivery record, the contacts read, the file
 * append, the outbox item's delete). One event at a time, so each sample is
 * the path alone, not a queue behind others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outboxActions } from '../shared/data/outbox.repository';
import { transactWrite } from '../shared/data/transact';
import { drainOutbox } from '../shared/use-cases/deliver-outbox';

export interface OutboxLatency {
  samples: number;
  p50: number;
  p99: number;
  /** Events found in the outbox file afterwards: every one committed, each once. */
  deliveredOnce: boolean;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureOutboxLatency(outboxDir: string, samples: number): Promise<OutboxLatency> {
  await drainOutbox(1000);
  const times: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < samples; i++) {
    const id = `bench-latency-${Date.now()}-${i}`;
    ids.push(id);
    await transactWrite(outboxActions([{ type: 'alert.raised', at: new Date().toISOString(), audiences: ['rocu-head:titan'], summary: 'Bench: outbox latency', subject: { type: 'alert', id } }]));
    const committed = performance.now();
    await drainOutbox();
    times.push(performance.now() - committed);
  }
  const lines = readFileSync(join(outboxDir, 'events.jsonl'), 'utf8').split('\n');
  const deliveredOnce = ids.every((id) => lines.filter((l) => l.includes(`"${id}"`)).length === 1);
  const sorted = [...times].sort((a, b) => a - b);
  return { samples, p50: percentile(sorted, 50), p99: percentile(sorted, 99), deliveredOnce };
}
