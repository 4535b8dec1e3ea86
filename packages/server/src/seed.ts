#!/usr/bin/env -S node --import tsx
/**
 * Seeds the configured database with the sample org (the same configuration as the server:
 * `DATABASE_URL`, else PGlite in `.upward-data/`). Run: `pnpm exec tsx packages/server/src/seed.ts`
 * (or `UPWARD_SEED_CSV=/path/to/org.csv` for another HRIS export of the same columns).
 */
import { pathToFileURL } from 'node:url';
import { openDatabase } from './database/open-database.ts';
import { configFromEnv, type DatabaseConfig } from './config.ts';
import { sampleOrgPath, seedSampleOrg } from './seed/sample-org.ts';

export { seedSampleOrg, sampleOrgPath } from './seed/sample-org.ts';

export async function seedCommand(database: DatabaseConfig, schema: string, csvPath: string): Promise<void> {
  const db = await openDatabase(database, schema);
  try {
    const report = await seedSampleOrg(db.store, csvPath);
    if (!report) console.log(`[upward] ${db.description} already has people; nothing imported.`);
    else {
      console.log(`[upward] Imported ${report.created} people into ${db.description} (${report.errors.length} rows rejected).`);
      for (const { row, issues } of report.errors) console.log(`  line ${row}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Seeding needs the database settings only; authentication is irrelevant here.
  const config = configFromEnv({ ...process.env, UPWARD_AUTH: 'demo', UPWARD_DEMO: '1' });
  await seedCommand(config.database, config.schema, process.env.UPWARD_SEED_CSV ?? sampleOrgPath);
}
