// The sales-suite command line: `npm run cli -- crm import contacts.csv`, `npm run cli -- leads rescore`.
// Talks to the gateway at SALES_SUITE_URL (default http://localhost:3000) with SALES_SUITE_API_KEY.
import { crmImport } from './crm-import.command';
import type { CliContext } from './gateway-call';
import { leadsRescore } from './leads-rescore.command';

const USAGE = `Usage: npm run cli -- crm import <file.csv>
       npm run cli -- leads rescore

Environment:
  SALES_SUITE_URL      gateway URL (default http://localhost:3000)
  SALES_SUITE_API_KEY  an API key with the crm:read and crm:write scopes (crm import)
                       or leads:read and leads:write (leads rescore)
`;

/** The command the arguments name, or null when they name none. */
function commandOf(argv: string[]): ((context: CliContext) => Promise<number>) | null {
  const [area, command, file, ...rest] = argv;
  if (area === 'crm' && command === 'import' && file && rest.length === 0)
    return (context) => crmImport(file, context);
  if (area === 'leads' && command === 'rescore' && file === undefined) return leadsRescore;
  return null;
}

async function main(argv: string[]): Promise<number> {
  const command = commandOf(argv);
  if (!command) {
    process.stderr.write(USAGE);
    return 2;
  }
  const apiKey = process.env.SALES_SUITE_API_KEY;
  if (!apiKey) {
    process.stderr.write(`SALES_SUITE_API_KEY is not set.\n\n${USAGE}`);
    return 2;
  }
  return command({
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
