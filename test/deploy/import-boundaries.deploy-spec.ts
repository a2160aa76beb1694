import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './support/tools';

/**
 * The import boundaries of eslint.config.mjs, run on sources put at real paths: pure folders
 * (domain/, rules/) load no framework and only the framework-free contracts entry, and the app
 * boundaries still hold inside them.
 */
interface LintMessage {
  ruleId: string | null;
  message: string;
}

const EMAIL_DOMAIN = 'apps/email-tracking/src/domain/open-stats.ts';
const CRM_RULES = 'apps/crm-enrichment/src/rules/title.rules.ts';
const CONTRACTS_CORE = 'libs/contracts/src/core.ts';
const EMAIL_EDGE = 'apps/email-tracking/src/stats/stats.service.ts';

const CASES: { text: string; filePath: string; refused: RegExp | null }[] = [
  {
    text: "import { Injectable } from '@nestjs/common';",
    filePath: EMAIL_DOMAIN,
    refused: /Nest, TypeORM/,
  },
  {
    text: "import { ApiProperty } from '@nestjs/swagger';",
    filePath: CRM_RULES,
    refused: /Nest, TypeORM/,
  },
  {
    text: "import { DataSource } from 'typeorm';",
    filePath: EMAIL_DOMAIN,
    refused: /Nest, TypeORM/,
  },
  {
    text: "import { Repository } from 'typeorm/repository/Repository';",
    filePath: CRM_RULES,
    refused: /Nest, TypeORM/,
  },
  { text: "import { connect } from 'nats';", filePath: EMAIL_DOMAIN, refused: /Nest, TypeORM/ },
  { text: "import { Pool } from 'pg';", filePath: CRM_RULES, refused: /Nest, TypeORM/ },
  {
    text: "import { IsString } from 'class-validator';",
    filePath: EMAIL_DOMAIN,
    refused: /Nest, TypeORM/,
  },
  {
    text: "import { RateView } from '@sales-suite/contracts';",
    filePath: EMAIL_DOMAIN,
    refused: /contracts\/core/,
  },
  {
    text: "import { CreateCampaignDto } from '@sales-suite/contracts/email/email.dto';",
    filePath: CRM_RULES,
    refused: /contracts\/core/,
  },
  {
    text: "import { normalizeLabel } from '../../../glossary/src/domain/search-text';",
    filePath: EMAIL_DOMAIN,
    refused: /must not import other apps/,
  },
  {
    text: "import { LEAD_STAGES } from '@sales-suite/contracts/core';",
    filePath: EMAIL_DOMAIN,
    refused: null,
  },
  {
    text: "import type { RateView } from '@sales-suite/contracts';",
    filePath: EMAIL_DOMAIN,
    refused: null,
  },
  { text: "import { Injectable } from '@nestjs/common';", filePath: EMAIL_EDGE, refused: null },
  {
    text: "import { ErrorCode } from './errors/error-code';",
    filePath: CONTRACTS_CORE,
    refused: null,
  },
];

function lint(sources: { text: string; filePath: string }[]): LintMessage[][] {
  const child = spawnSync(process.execPath, [join(__dirname, 'support', 'lint-texts.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`eslint failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as LintMessage[][];
}

describe('import boundaries (eslint.config.mjs)', () => {
  const results = lint(CASES.map(({ text, filePath }) => ({ text, filePath })));

  it.each(CASES.map((c, i) => [c.text, c.filePath, c.refused, i] as const))(
    '%s in %s → %p',
    (_text, _filePath, refused, index) => {
      const restricted = results[index].filter((m) => m.ruleId === 'no-restricted-imports');
      if (refused) {
        expect(restricted).toHaveLength(1);
        expect(restricted[0].message).toMatch(refused);
      } else {
        expect(restricted).toEqual([]);
      }
    },
  );
});
