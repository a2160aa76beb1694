import { Injectable } from '@nestjs/common';
import type { FunnelDefinition } from '../domain/funnel-definition';
import { VersionedSettingsStore } from './versioned-settings.store';

@Injectable()
export class FunnelDefinitionStore extends VersionedSettingsStore<FunnelDefinition> {
  constructor() {
    super('funnel_definitions');
  }
}
