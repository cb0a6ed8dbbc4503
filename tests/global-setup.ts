/** End-to-end tests run the built command: rebuild it first when a source is newer than the build. */
import { ensureBuild } from '../bench/ensure-build';

export default function globalSetup(): void {
  ensureBuild();
}
