import { accessSync, constants } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why the browser cannot run, or undefined when it is there. */
export function browserProblem(): string | undefined {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return undefined;
  } catch {
    return `No Chromium at ${CHROMIUM_PATH}`;
  }
}
