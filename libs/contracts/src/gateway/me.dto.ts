import { ApiProperty } from '@nestjs/swagger';
import { API_SCOPES, type ApiScope } from './api-key.dto';

/** The calling key as `GET /v1/me` tells it (no secret, no hash): what a UI adapts to. */
export class MeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'sales-console' }) name: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true, example: ['leads:read', 'glossary:read'] })
  scopes: ApiScope[];
}
