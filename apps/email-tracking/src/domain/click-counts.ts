/** What a transaction adds to one (message, link)'s click counts (negative when it removes). */
export interface ClickCountShift {
  messageId: string;
  linkId: string;
  clicks: number;
  humanClicks: number;
  /** Opens implied by these clicks (a human click on a message with no human open yet). */
  impliedOpens: number;
}

/** One click as recorded in `email.clicks`, with the columns the counts depend on. */
export interface CountedClick {
  messageId: string;
  linkId: string;
  classification: string;
  impliedOpen: boolean;
}

/**
 * What one transaction changes in the click counts of its messages and links (recorded clicks,
 * re-judged clicks, erased clicks), added up so that it is written as one statement.
 */
export class ClickCountsTally {
  private readonly shifts = new Map<string, ClickCountShift>();

  /** A recorded click (`sign` -1: an erased one). */
  addClick(click: CountedClick, sign = 1): void {
    const shift = this.shift(click.messageId, click.linkId);
    shift.clicks += sign;
    if (click.classification === 'human') shift.humanClicks += sign;
    if (click.impliedOpen) shift.impliedOpens += sign;
  }

  /** A recorded human click judged again as a machine one; `impliedOpen`: the open it implied went. */
  addDemotion(messageId: string, linkId: string, impliedOpen: boolean): void {
    const shift = this.shift(messageId, linkId);
    shift.humanClicks--;
    if (impliedOpen) shift.impliedOpens--;
  }

  /** The (message, link) rows that move, in key order (the order they are locked in). */
  rows(): ClickCountShift[] {
    return [...this.shifts.values()]
      .filter((shift) => shift.clicks !== 0 || shift.humanClicks !== 0 || shift.impliedOpens !== 0)
      .sort((a, b) => compare(a.messageId, b.messageId) || Number(a.linkId) - Number(b.linkId));
  }

  private shift(messageId: string, linkId: string): ClickCountShift {
    const key = `${messageId} ${linkId}`;
    let shift = this.shifts.get(key);
    if (!shift) {
      shift = { messageId, linkId, clicks: 0, humanClicks: 0, impliedOpens: 0 };
      this.shifts.set(key, shift);
    }
    return shift;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
