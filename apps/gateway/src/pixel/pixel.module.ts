import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import { PixelRoute } from './pixel.route';

@Module({ providers: [PixelHitBuffer, pixelKeyringProvider, PixelRoute] })
export class PixelModule {}
