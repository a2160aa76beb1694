import { Module } from '@nestjs/common';
import { ClickRecorderService } from './click-recorder.service';
import { LegacyPixelHitsForwarder } from './legacy-pixel-hits.forwarder';
import { OpenDetailsRetentionService } from './open-details-retention.service';
import { OpenRecorderService } from './open-recorder.service';
import { PixelPartitionsService } from './pixel-partitions.service';

@Module({
  providers: [
    OpenRecorderService,
    ClickRecorderService,
    PixelPartitionsService,
    LegacyPixelHitsForwarder,
    OpenDetailsRetentionService,
  ],
})
export class OpensModule {}
