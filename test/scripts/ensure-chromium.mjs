// The browser tests drive Debian's Chromium (never a downloaded browser). Install it when missing
// and we are root; otherwise stop and name the one command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (userInfo().uid !== 0) {
    process.stderr.write('Chromium is needed for the browser tests and is missing. Run: sudo apt-get install -y chromium\n');
    process.exit(1);
  }
  process.stdout.write('Chromium is missing: installing Debian\'s chromium package (apt-get)…\n');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) {
    process.stderr.write('apt-get finished but /usr/bin/chromium is still missing. Run: apt-get install -y chromium\n');
    process.exit(1);
  }
}
