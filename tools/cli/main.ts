// The sales-suite command line: `npm run cli -- crm import contacts.csv`, `npm run cli -- leads rescore`.
// Talks to the gateway at SALES_SUITE_URL (default http://localhost:3000) with SALES_SUITE_API_KEY.
import { createInterface } from 'node:readline/promises';
import { createSalesSuiteClient } from '@sales-suite/client';
import { crmImport } from './crm-import.command';
import type { CliContext } from './gateway-call';
import { leadsRescore } from './leads-rescore.command';

const USAGE = `Usage: npm run cli -- crm import <file> [--yes] [--mapping <json>]
       npm run cli -- leads rescore

  crm import         shows the detected source and column mapping, and asks before importing
    --yes            import without asking
    --mapping <json> column header → field or "ignore", e.g. '{"Work Email":"email","Notes":"ignore"}'

Environment:
  SALES_SUITE_URL      gateway URL (default http://localhost:3000)
  SALES_SUITE_API_KEY  an API key with the crm:read and crm:write scopes (crm import)
                       or leads:read and leads:write (leads rescore)
`;

/** Reads one answer from stdin; no answer (stdin closed) is a no. */
async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const closed = new Promise<string>((resolve) => prompt.once('close', () => resolve('')));
  try {
    const answer = await Promise.race([prompt.question(question), closed]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

/** The command the arguments name, or null when they name none. */
function commandOf(argv: string[]): ((context: CliContext) => Promise<number>) | null {
  const yes = argv.includes('--yes');
  const mappingAt = argv.indexOf('--mapping');
  const mapping = mappingAt >= 0 ? argv[mappingAt + 1] : undefined;
  const [area, command, file, ...rest] = argv.filter(
    (arg, index) =>
      arg !== '--yes' && (mappingAt < 0 || (index !== mappingAt && index !== mappingAt + 1)),
  );
  const flags = yes || mappingAt >= 0;
  if (area === 'crm' && command === 'import' && file && rest.length === 0)
    return mappingAt >= 0 && !mapping
      ? null
      : (context) => crmImport(file, { yes, mapping }, context);
  if (area === 'leads' && command === 'rescore' && file === undefined && !flags)
    return leadsRescore;
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
    api: createSalesSuiteClient({
      baseUrl: (process.env.SALES_SUITE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
      apiKey,
    }),
    out: process.stdout,
    pollMs: 500,
    confirm,
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  },
);
