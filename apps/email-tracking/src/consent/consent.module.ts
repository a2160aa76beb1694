import { Module } from '@nestjs/common';
import { ConsentHandlers } from './consent.handlers';
import { ConsentService } from './consent.service';

@Module({ controllers: [ConsentHandlers], providers: [ConsentService] })
export class ConsentModule {}
