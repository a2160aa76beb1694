import { Injectable } from '@nestjs/common';

/** In-process signal that this replica committed a change to terms (read by TermsVersion). */
@Injectable()
export class TermsChangedNotifier {
  private generation = 0;

  notify(): void {
    this.generation++;
  }

  get current(): number {
    return this.generation;
  }
}
