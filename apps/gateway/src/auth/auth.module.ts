import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { MeController } from './me.controller';
import { ApiKeysService } from './api-keys.service';
import { ClusterRateLimiter } from './rate-limit/cluster-rate-limiter';
import { RequestAuthorizer } from './request-authorizer';

@Module({
  controllers: [ApiKeysController, MeController],
  providers: [
    ApiKeysService,
    ClusterRateLimiter,
    RequestAuthorizer,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [RequestAuthorizer],
})
export class AuthModule {}
