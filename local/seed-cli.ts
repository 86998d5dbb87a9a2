/**
 * `npm run seed`: seed DynamoDB Local at DYNAMODB_ENDPOINT (table TABLE_NAME,
 * created if missing) with the reference data, baselines and demo officers.
 * Refuses to run without an endpoint, so it never writes to a real AWS table.
 */
import type { SeedProgress } from './seed/seed';

async function main(): Promise<void> {
  // Before anything imports shared/config, which reads the environment when it loads. The seed emails
  // nobody: the events its walk-through raises stay in this process's memory.
  process.env.NOTIFY_MODE ||= 'memory';
  const { config } = await import('../shared/config');
  const { resolvePersonas } = await import('./seed/personas');
  const { seedAll } = await import('./seed/seed');
  const { ensureTable } = await import('./dynamodb-local');
  const { DYNAMODB_ENDPOINT, TABLE_NAME } = config();
  if (!DYNAMODB_ENDPOINT) {
    console.error('Set DYNAMODB_ENDPOINT to a DynamoDB Local endpoint (e.g. http://127.0.0.1:8000); the seed never writes to AWS.');
    process.exitCode = 1;
    return;
  }
  const table = await ensureTable(DYNAMODB_ENDPOINT, TABLE_NAME);
  console.log(`Table ${TABLE_NAME} at ${DYNAMODB_ENDPOINT}: ${table}`);

  const onProgress = ({ stage, done, total }: SeedProgress) => {
    if (done === total || (stage === 'officers' && done % 50 === 0)) console.log(`  ${stage}: ${done}/${total}`);
  };
  const result = await seedAll({ onProgress });
  if (!result.seeded) {
    console.log(`Already seeded (marker present); nothing written (${result.ms} ms).`);
  } else {
    const c = result.counts!;
    console.log(
      `Seeded in ${result.ms} ms: ${c.organisations} organisations, ` +
        `${c.capabilities.created} capabilities (${c.capabilities.existing} already there), ` +
        `${c.baselines.created} baselines (${c.baselines.existing} already there), ` +
        `${c.officers.created} officers (${c.officers.existing} already there), ` +
        `${c.conflictRetries} transaction conflicts retried.`,
    );
  }
  console.log('Personas (sub = id):');
  for (const p of await resolvePersonas()) {
    const extra = [p.officerId && `officer ${p.officerId}`, p.regions && `regions ${p.regions.join(', ')}`].filter(Boolean).join('; ');
    console.log(`  ${p.id.padEnd(16)} ${p.org.padEnd(6)} ${p.roles.join(',').padEnd(10)} ${p.name}${extra ? ` (${extra})` : ''}`);
  }
}

main().catch((err: unknown) => {
  console.error('Seed failed:', err);
  process.exitCode = 1;
});
