/**
 * Tests that need LibreOffice or Chromium. They FAIL when the program is missing (CI installs both:
 * see .ci/run). Only on a developer's machine, and only when PIAO_SKIP_TOOLS=1 says so, they are
 * skipped, with a line saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SOFFICE = 'soffice';
export const CHROMIUM = '/usr/bin/chromium';

function has(bin: string): boolean {
  if (bin.startsWith('/')) return existsSync(bin);
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** describe() when the tool is there; a failing test saying how to install it when not (or a skip, locally, on request). */
export function describeWithTool(bin: string, install: string, name: string, body: () => void): void {
  describeWhen(has(bin), bin, install, name, body);
}

/** describe() when `available`; otherwise as describeWithTool says for a missing `bin`. */
export function describeWhen(available: boolean, bin: string, install: string, name: string, body: () => void): void {
  if (available) {
    describe(name, body);
    return;
  }
  if (process.env.PIAO_SKIP_TOOLS === '1' && !process.env.CI) {
    console.warn(`SALTATO «${name}»: ${bin} non è installato (PIAO_SKIP_TOOLS=1). Per eseguirlo: ${install}`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    it(`needs ${bin}`, () => {
      throw new Error(`${bin} non è installato: ${install} (in locale PIAO_SKIP_TOOLS=1 salta questi test).`);
    });
  });
}
