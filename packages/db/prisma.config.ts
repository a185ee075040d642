import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's native schema engine is a download from binaries.prisma.sh. Where that host is out of
// reach, the WebAssembly build of the same engine runs through tools/schema-engine-wasm-shim.mjs.
// A real engine binary configured in the environment always wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  __dirname,
  'tools/schema-engine-wasm-shim.mjs',
);

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  // process.env rather than env(): `prisma generate` must work without a database URL.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
