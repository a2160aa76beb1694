import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyRateLimitGuard } from './rate-limit/api-key-rate-limit.guard';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    // Order matters: authenticate first, so the rate limit is counted per key.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiKeyRateLimitGuard },
  ],
})
export class AuthModule {}
