import { Dossier } from '../engine/schema/dossier';
import { writeFileAtomic } from './atomic';

/** Validates a dossier against the published contract, then writes it. */
export async function writePiaoJson(path: string, dossier: Dossier): Promise<void> {
  const checked = Dossier.parse(dossier);
  await writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`);
}
