import { Module } from '@nestjs/common';
import { pixelKeyringProvider } from '@sales-suite/config';
import { UnsubscribesHandlers } from './unsubscribes.handlers';
import { UnsubscribesService } from './unsubscribes.service';

@Module({
  controllers: [UnsubscribesHandlers],
  providers: [UnsubscribesService, pixelKeyringProvider],
  exports: [UnsubscribesService],
})
export class UnsubscribesModule {}
