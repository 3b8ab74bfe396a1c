/** The list format as JSON Schema text (dictionaries/schema.json), generated from the zod schema. */
import { z } from 'zod';
import { DictionaryFileSchema } from './schema';

export function dictionaryJsonSchema(): string {
  const schema = z.toJSONSchema(DictionaryFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Kakunin 確認 word list (dictionaries/README.md)' }, null, 2)}\n`;
}
