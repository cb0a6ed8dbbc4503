import { Mapping } from '../engine/mapping/schema';
import { writeFileAtomic } from './atomic';

/** Validates a mapping against its published schema, then writes it (mappatura.json). */
export async function writeMappingJson(path: string, mapping: Mapping): Promise<void> {
  const checked = Mapping.parse(mapping);
  await writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`);
}
