import { Module } from '@nestjs/common';
import { StatsHandlers } from './stats.handlers';
import { StatsService } from './stats.service';

@Module({ controllers: [StatsHandlers], providers: [StatsService] })
export class StatsModule {}
