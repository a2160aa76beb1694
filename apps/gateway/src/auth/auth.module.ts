import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyThrottlerGuard } from './api-key-throttler.guard';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        throttlers: [
          {
            name: 'per-key',
            ttl: 60_000,
            limit: config.getOrThrow<number>('RATE_LIMIT_PER_MINUTE'),
          },
        ],
      }),
    }),
  ],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    // Order matters: authenticate first, so the rate limit is counted per key.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
  ],
})
export class AuthModule {}
