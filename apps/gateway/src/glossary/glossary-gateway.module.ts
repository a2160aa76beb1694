import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IMPORT_MAX_CSV_CHARS } from '@sales-suite/contracts';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { GlossaryAnnotateController } from './annotate.controller';
import { CachedTermReads } from './cached-term-reads';
import { GlossaryRevisionsController } from './revisions.controller';
import { GlossarySearchController } from './search.controller';
import { TermCache } from './term-cache';
import { TermWrites } from './term-writes';
import { GlossaryTermsController } from './terms.controller';
import { GlossaryTransferController } from './transfer.controller';

@Module({
  imports: [AuthModule],
  controllers: [
    GlossaryTermsController,
    GlossaryRevisionsController,
    GlossarySearchController,
    GlossaryAnnotateController,
    GlossaryTransferController,
  ],
  providers: [TermCache, TermWrites, CachedTermReads],
})
export class GlossaryGatewayModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** CSV imports arrive as `text/csv`: kept as a string, validated by the glossary service. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('text/csv')) return;
    fastify.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_MAX_CSV_CHARS * 2 },
      (_request, body, done) => done(null, body),
    );
  }
}
