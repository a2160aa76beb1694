import { Injectable } from '@nestjs/common';
import type { ScoringModel } from '@sales-suite/contracts';
import { VersionedSettingsStore } from './versioned-settings.store';

@Injectable()
export class ScoringModelStore extends VersionedSettingsStore<ScoringModel> {
  constructor() {
    super('scoring_models');
  }
}
