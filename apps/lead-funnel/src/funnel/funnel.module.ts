import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { FunnelHandlers } from './funnel.handlers';
import { FunnelService } from './funnel.service';

@Module({ imports: [LeadsModule], controllers: [FunnelHandlers], providers: [FunnelService] })
export class FunnelModule {}
