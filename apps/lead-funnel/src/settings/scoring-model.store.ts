import { Injectable } from '@nestjs/common';
import type { ScoringModel, ScoringModelView } from '@sales-suite/contracts';
import { SettingsVersion, VersionedSettingsStore } from './versioned-settings.store';

@Injectable()
export class ScoringModelStore extends VersionedSettingsStore<ScoringModel, ScoringModelView> {
  constructor() {
    super('scoring_models');
  }

  toView(saved: SettingsVersion<ScoringModel>): ScoringModelView {
    return {
      version: saved.version,
      model: saved.document,
      createdAt: saved.createdAt.toISOString(),
      createdBy: saved.createdBy,
    };
  }
}
