/**
 * Writes dictionaries/schema.json, the JSON Schema every list file names in "$schema", from the
 * zod schema the engine validates with (src/engine/dictionary/schema.ts): an editor then checks
 * field names, enums and ids while a list is written. tests/dictionaries/schema.test.ts keeps it
 * in step; regenerate with `npx tsx scripts/dictionary-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionaryJsonSchema } from '../src/engine/dictionary/json-schema';

const out = fileURLToPath(new URL('../dictionaries/schema.json', import.meta.url));
writeFileSync(out, dictionaryJsonSchema());
console.log(`wrote ${out}`);
