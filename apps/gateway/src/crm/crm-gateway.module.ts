import multipart from '@fastify/multipart';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CrmController } from './crm.controller';
import { CrmImportsController, MAX_UPLOAD_BYTES } from './crm-imports.controller';

@Module({ controllers: [CrmController, CrmImportsController] })
export class CrmGatewayModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Multipart parsing for the import upload (streamed: files are never buffered whole). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    // Queued, not awaited: awaiting it here loads Fastify's plugin queue early, and the
    // gateway's problem+json handler then no longer answered Fastify's own errors (413).
    void fastify.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
  }
}
