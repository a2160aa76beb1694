import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IMPORT_MAX_CSV_CHARS } from '@sales-suite/contracts';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { CachedTermReads } from './cached-term-reads';
import { GlossaryController } from './glossary.controller';
import { TermCache } from './term-cache';

@Module({
  imports: [AuthModule],
  controllers: [GlossaryController],
  providers: [TermCache, CachedTermReads],
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
