import { Module } from '@nestjs/common';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import { pixelKeyringProvider } from './pixel-keyring.provider';
import { PixelController } from './pixel.controller';

@Module({
  controllers: [PixelController],
  providers: [PixelHitBuffer, pixelKeyringProvider],
})
export class PixelModule {}
