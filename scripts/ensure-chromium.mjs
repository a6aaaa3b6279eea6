// Tests and benchmarks run in a real Chromium. No test tool can download its own browser on these machines, so this
// makes sure Debian's chromium is there: CHROME_PATH if set, else /usr/bin/chromium, else (as root, with apt-get)
// it installs Debian's `chromium` package. Anything else gets a clear message instead of a cryptic launcher error.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const hasAptGet = (() => {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
})();

if (!process.env.CHROME_PATH && hasAptGet && process.getuid?.() === 0) {
  console.log('Chromium is missing: installing Debian\'s chromium package (about 30 s)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/sh',
  });
  if (existsSync(wanted)) process.exit(0);
}
console.error(
  `No Chromium at ${wanted}. Install Chromium (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.`,
);
process.exit(1);
