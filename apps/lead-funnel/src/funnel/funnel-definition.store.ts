import { Injectable } from '@nestjs/common';
import { VersionedSettingsStore } from '../settings/versioned-settings.store';
import type { FunnelDefinition } from './funnel-definition';

@Injectable()
export class FunnelDefinitionStore extends VersionedSettingsStore<FunnelDefinition> {
  constructor() {
    super('funnel_definitions');
  }
}
