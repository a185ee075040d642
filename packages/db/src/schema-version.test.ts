import { readdirSync } from 'node:fs';
import path from 'node:path';
import { EXPECTED_MIGRATION } from './schema-version';

describe('the schema version a build expects', () => {
  it('is the newest migration, so readiness waits for the migration a release brings', () => {
    const migrations = readdirSync(path.resolve(__dirname, '../../../prisma/migrations'))
      .filter((name) => /^\d/.test(name))
      .sort();
    expect(EXPECTED_MIGRATION).toBe(migrations.at(-1));
  });
});
