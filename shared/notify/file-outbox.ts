import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DomainEvent } from './domain-event';
import type { EmailMessage } from './email-message';

/**
 * The local outbox: what a local run would have put on the bus and emailed,
 * as JSON lines in `events.jsonl` and `emails.jsonl` under `OUTBOX_DIR`.
 * Append-only, so two processes (the gateway and `npm run jobs`) can share it.
 */
const OUTBOX_FILES = { events: 'events.jsonl', emails: 'emails.jsonl' } as const;

export interface OutboxEmail extends EmailMessage {
  at: string;
}

function lines(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Append the events and emails; one write per file, so a reader never sees half a batch's line. */
export async function appendToOutbox(dir: string, events: readonly DomainEvent[], emails: readonly OutboxEmail[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (events.length) await appendFile(join(dir, OUTBOX_FILES.events), lines(events), 'utf8');
  if (emails.length) await appendFile(join(dir, OUTBOX_FILES.emails), lines(emails), 'utf8');
}

async function newestFirst<T>(path: string, limit: number): Promise<T[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: T[] = [];
  const all = content.split('\n');
  for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
    const line = all[i]!.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // A line still being written by another process: the next read will have it whole.
    }
  }
  return out;
}

/** The newest `limit` events and emails, newest first. */
export async function readOutbox(dir: string, limit: number): Promise<{ events: DomainEvent[]; emails: OutboxEmail[] }> {
  const [events, emails] = await Promise.all([
    newestFirst<DomainEvent>(join(dir, OUTBOX_FILES.events), limit),
    newestFirst<OutboxEmail>(join(dir, OUTBOX_FILES.emails), limit),
  ]);
  return { events, emails };
}
