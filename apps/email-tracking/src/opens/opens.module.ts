import { Module } from '@nestjs/common';
import { OpenDetailsRetentionService } from './open-details-retention.service';
import { OpenRecorderService } from './open-recorder.service';
import { PixelHitsConsumer } from './pixel-hits.consumer';

@Module({
  providers: [OpenRecorderService, PixelHitsConsumer, OpenDetailsRetentionService],
})
export class OpensModule {}
