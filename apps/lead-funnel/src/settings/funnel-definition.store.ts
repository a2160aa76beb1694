import { Injectable } from '@nestjs/common';
import type { FunnelDefinitionView } from '@sales-suite/contracts';
import type { FunnelDefinition } from '../domain/funnel-definition';
import { SettingsVersion, VersionedSettingsStore } from './versioned-settings.store';

@Injectable()
export class FunnelDefinitionStore extends VersionedSettingsStore<
  FunnelDefinition,
  FunnelDefinitionView
> {
  constructor() {
    super('funnel_definitions');
  }

  toView(saved: SettingsVersion<FunnelDefinition>): FunnelDefinitionView {
    return {
      version: saved.version,
      ...saved.document,
      updatedAt: saved.createdAt.toISOString(),
    };
  }
}
