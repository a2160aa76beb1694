import { Module } from '@nestjs/common';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import { pixelKeyringProvider } from './pixel-keyring.provider';
import { PixelRoute } from './pixel.route';

@Module({ providers: [PixelHitBuffer, pixelKeyringProvider, PixelRoute] })
export class PixelModule {}
