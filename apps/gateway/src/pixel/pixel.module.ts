import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import { UnsubscribeRoute } from '../unsubscribe/unsubscribe.route';
import { PixelRoute } from './pixel.route';

@Module({ providers: [PixelHitBuffer, pixelKeyringProvider, PixelRoute, UnsubscribeRoute] })
export class PixelModule {}
