/** The lines `pnpm start` ends with: where the app is and, for the demo company, how to sign in. */
export function readyBanner({
  url,
  databasePath,
  seeded,
  accounts,
  password,
}: {
  url: string;
  databasePath: string;
  seeded: boolean;
  /** Demo accounts to list, or none for a real install. */
  accounts: { email: string; role: string }[];
  password: string;
}): string {
  const lines = ['', `Altitude is running at ${url}`, `Database: ${databasePath}${seeded ? ' (demo company seeded)' : ''}`];
  if (accounts.length > 0) {
    lines.push(`Demo accounts (password "${password}"):`, ...accounts.map((a) => `  ${a.email.padEnd(24)} ${a.role}`));
  }
  lines.push('Stop with Ctrl-C.', '');
  return lines.join('\n');
}
