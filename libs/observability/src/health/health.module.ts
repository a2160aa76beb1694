import { DynamicModule, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_INDICATORS, ReadinessIndicator } from './readiness-indicator';

@Module({})
export class HealthModule {
  /** `/health/live` and `/health/ready`, the latter checking each given indicator. */
  static forRoot(indicators: Type<ReadinessIndicator>[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        ...indicators,
        {
          provide: READINESS_INDICATORS,
          useFactory: (...instances: ReadinessIndicator[]) => instances,
          inject: indicators,
        },
      ],
    };
  }
}
