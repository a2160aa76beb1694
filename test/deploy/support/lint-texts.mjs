// Lints sources given as JSON on stdin ([{ text, filePath }]) with the repository's ESLint
// config and prints each one's messages as JSON. A child process, because the config is an ES
// module that jest's CommonJS sandbox cannot import.
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const sources = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { text, filePath } of sources) {
  const [result] = await eslint.lintText(text, { filePath });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
