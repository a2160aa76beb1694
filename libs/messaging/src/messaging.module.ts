import { DynamicModule, Global, Module } from '@nestjs/common';
import { JetStreamConsumerService } from './jetstream/jetstream-consumer.service';
import { MESSAGING_OPTIONS, MessagingOptions, NatsClientService } from './nats-client.service';
import { NatsRequester } from './nats-requester';

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const providers = [NatsClientService, NatsRequester, JetStreamConsumerService];
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...providers],
      exports: providers,
    };
  }
}
