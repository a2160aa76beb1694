import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ESP_PROVIDERS, EspProvider } from './esp-webhook-vocabulary';

/**
 * A webhook body whose signature the gateway has verified, forwarded for mapping and recording.
 * `payload` is the provider's JSON as posted (for SES, the SNS notification's inner `Message`).
 * `eventId` is set when the envelope, not the payload, carries the event's id (SNS `MessageId`).
 */
export class EspWebhookDto {
  @IsIn(ESP_PROVIDERS)
  provider: EspProvider;

  @IsDefined()
  payload: unknown;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  eventId?: string;
}

export class EspWebhookResultView {
  @ApiProperty({ description: 'Events applied for the first time.' }) recorded: number;
  @ApiProperty({ description: 'Events already recorded under the same provider event id.' })
  duplicates: number;
  @ApiProperty({
    description: 'Provider events this suite does not track (e.g. processed, deferred).',
  })
  ignored: number;
  @ApiProperty({
    type: [String],
    description: 'Message ids named by events but unknown here: reported, not fatal.',
  })
  unknownMessageIds: string[];
  @ApiProperty({ description: 'Events carrying neither our header nor our custom argument.' })
  withoutMessageId: number;
}
