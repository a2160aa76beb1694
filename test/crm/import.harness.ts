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

/**
 * Posts a file to `POST /v1/crm/imports` (`pathAndQuery` after it: `/preview`, `?mapping=…`) as a
 * multipart upload with the admin key, as a client would.
 */
export async function postImportFile(
  gatewayUrl: string,
  content: string | Buffer,
  { fileName = 'contacts.csv', type = 'text/csv', pathAndQuery = '' } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), fileName);
  const response = await fetch(`${gatewayUrl}/v1/crm/imports${pathAndQuery}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2eRun().adminKey}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Uploads a CSV through the gateway as a client would; answers the new import's id. */
export async function uploadImport(gatewayUrl: string, csv: string): Promise<string> {
  const response = await postImportFile(gatewayUrl, csv);
  if (response.status !== 202) throw new Error(`import upload answered ${response.status}`);
  return response.body.id as string;
}
