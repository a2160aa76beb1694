// The sales-suite command line: `npm run cli -- crm import contacts.csv`.
// Talks to the gateway at SALES_SUITE_URL (default http://localhost:3000) with SALES_SUITE_API_KEY.
import { crmImport } from './crm-import.command';

const USAGE = `Usage: npm run cli -- crm import <file.csv>

Environment:
  SALES_SUITE_URL      gateway URL (default http://localhost:3000)
  SALES_SUITE_API_KEY  an API key with the crm:write and crm:read scopes
`;

async function main(argv: string[]): Promise<number> {
  const [area, command, file] = argv;
  if (area !== 'crm' || command !== 'import' || !file) {
    process.stderr.write(USAGE);
    return 2;
  }
  const apiKey = process.env.SALES_SUITE_API_KEY;
  if (!apiKey) {
    process.stderr.write(`SALES_SUITE_API_KEY is not set.\n\n${USAGE}`);
    return 2;
  }
  return crmImport(file, {
    baseUrl: (process.env.SALES_SUITE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    apiKey,
    out: process.stdout,
    pollMs: 500,
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  },
);
