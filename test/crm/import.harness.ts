import { e2eRun } from '../support/test-env';

/** The columns of the row the import table keeps for each import. */
export interface ImportRow {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: unknown[];
}

/**
 * A CSV of `rows` contacts whose emails start with `jobs<tag>.` (the run's database is shared by
 * every test file), with one bad row (an unreadable yes/no) per 500. Their domain is used by no
 * other file, so their account's same-name contacts never show among another file's duplicates.
 */
export function taggedContactsCsv(tag: string, rows: number): string {
  const lines = ['Email,First Name,Job Title,Do Not Contact'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `jobs${tag}.${i}@contoso-imports.com,First${i},VP Sales,${i % 500 === 0 ? 'maybe' : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Uploads a CSV through the gateway as a client would; answers the new import's id. */
export async function uploadImport(gatewayUrl: string, csv: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
  const response = await fetch(`${gatewayUrl}/v1/crm/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2eRun().adminKey}` },
    body: form,
  });
  if (response.status !== 202) throw new Error(`import upload answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}
