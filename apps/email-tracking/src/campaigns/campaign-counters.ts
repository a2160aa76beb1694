/** The columns of `email.campaigns` that hold its counters, as `CampaignCounters`. */
export const CAMPAIGN_COUNTERS = `sent, bounced, complaints,
  unique_opens AS "uniqueOpens", unique_human_opens AS "uniqueHumanOpens"`;
