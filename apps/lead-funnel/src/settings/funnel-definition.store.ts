import { Injectable } from '@nestjs/common';
import type { FunnelDefinition } from '../domain/funnel-definition';
import { FunnelVocabulary, vocabularyOf } from '../domain/funnel-vocabulary';
import { SettingsVersion, VersionedSettingsStore } from './versioned-settings.store';

/** One stored version with its glossary links filled in; the terms themselves are the glossary's. */
export type FunnelDefinitionRecord = Required<FunnelDefinition> &
  FunnelVocabulary & { version: number; updatedAt: string };

@Injectable()
export class FunnelDefinitionStore extends VersionedSettingsStore<
  FunnelDefinition,
  FunnelDefinitionRecord
> {
  constructor() {
    super('funnel_definitions');
  }

  toView(saved: SettingsVersion<FunnelDefinition>): FunnelDefinitionRecord {
    return {
      version: saved.version,
      transitions: saved.document.transitions,
      lostReasons: saved.document.lostReasons,
      ...vocabularyOf(saved.document),
      updatedAt: saved.createdAt.toISOString(),
    };
  }
}
