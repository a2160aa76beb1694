export interface paths {
  '/v1/admin/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API keys (never their secrets) */
    get: operations['listApiKeys'];
    put?: never;
    /** Create an API key with scopes */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    /** Change a key's name or scopes */
    patch: operations['updateApiKey'];
    trace?: never;
  };
  '/v1/crm/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List accounts
     * @description Domain order, cursor pagination, filters.
     */
    get: operations['listAccounts'];
    put?: never;
    /** Create an account (registrable domain unique), enriched by the providers */
    post: operations['createAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an account with every field's provenance */
    get: operations['getAccount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update an account */
    patch: operations['updateAccount'];
    trace?: never;
  };
  '/v1/crm/accounts/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An account's field history, oldest first */
    get: operations['getAccountHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List contacts
     * @description Newest first, cursor pagination, filters.
     */
    get: operations['listContacts'];
    put?: never;
    /**
     * Create a contact (enriched before the answer); one contact per email
     * @description Values given are locked against enrichment. The email must be a valid address (else 400 naming `email`); malformed phones and countries are kept with `invalid` and a reason in their provenance. When a contact already has the email (compared trimmed and case-insensitively): 409 with its id in `existingContactId`, or with `?upsert=true` the request is merged into it (200): fields a person set stay, empty values clear nothing, every change is in its history.
     */
    post: operations['createContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/contacts/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find duplicates: the same normalised email, or the same name at the same account */
    get: operations['findDuplicateContacts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/contacts/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge duplicates into one contact, keeping the best-provenance value of each field and all history */
    post: operations['mergeContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a contact with every field's provenance */
    get: operations['getContact'];
    put?: never;
    post?: never;
    /** Delete a contact */
    delete: operations['deleteContact'];
    options?: never;
    head?: never;
    /**
     * Update a contact
     * @description Absent fields stay; `null` clears a field and keeps it empty. An email must be a valid address (400) that no other contact has (409 with `existingContactId`).
     */
    patch: operations['updateContact'];
    trace?: never;
  };
  '/v1/crm/contacts/{id}/enrich': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-enrich a contact now (rules and providers; values people set stay) */
    post: operations['enrichContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/contacts/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's field history, oldest first */
    get: operations['getContactHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/enrich/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enrich a contact without storing anything
     * @description Validated as a create: an email that is not a valid address is a 400 naming `email`.
     */
    post: operations['previewEnrichment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import contacts from a CSV or XLSX file (multipart field `file`)
     * @description Up to 100,000 rows, streamed to the service. Columns are matched case- and punctuation-insensitively with the headers of HubSpot, Salesforce, Pipedrive, Apollo, Sales Navigator and Close exports; unknown columns are listed in `ignoredColumns` and kept per contact as custom fields; company columns create or link the account. No email column, or a header row only → 422 before anything is imported. Rows are matched to contacts by normalised email, so re-importing a file changes nothing. Poll `GET /v1/crm/imports/{id}` for progress.
     */
    post: operations['importContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview a CSV import: detected source, column mapping and the first 20 rows
     * @description The same upload as `POST /v1/crm/imports` (and the same `mapping`), read but not imported: nothing is written. Answers the detected source (HubSpot, Salesforce, Pipedrive, Apollo, Sales Navigator, Close or generic), each column with the field it fills and a confidence, the columns kept as custom fields, and the first 20 rows as they would be stored, with the reason a row would fail.
     */
    post: operations['previewContactImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import's status and progress, with row errors */
    get: operations['getContactImport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/crm/imports/{id}/errors.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import's error report as CSV: every rejected row
     * @description Columns `row,column,field,reason`: the row number in the file (the header is row 1), the header of the offending column when known, the contact field, and why the row was rejected. Every rejected row, not only the first 1,000 of the JSON view, in row order; RFC 4180 quoting, and cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'`. A failure of the whole import is in the JSON view, not here. Streamed page by page while the service reads it.
     */
    get: operations['getContactImportErrors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List campaigns with their headline figures, newest first
     * @description Cursor paging on (creation time, id). Archived campaigns are left out unless `includeArchived=true`. The figures are those of `GET /v1/email/campaigns/{id}/stats`.
     */
    get: operations['listCampaigns'];
    put?: never;
    /** Create a campaign */
    post: operations['createCampaign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one campaign with its headline figures */
    get: operations['getCampaign'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Rename a campaign or change its subject
     * @description Absent fields stay; at least one of `name` and `subject` is given.
     */
    patch: operations['updateCampaign'];
    trace?: never;
  };
  '/v1/email/campaigns/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a campaign: hidden from the default list, figures kept
     * @description Idempotent: archiving an archived campaign keeps its first archive time.
     */
    post: operations['archiveCampaign'];
    /**
     * Unarchive a campaign
     * @description Idempotent.
     */
    delete: operations['unarchiveCampaign'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/campaigns/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a campaign's messages with delivery status and first opens
     * @description In sending order (cursor paging on sending time, id). `email` is null unless the key also holds `crm:read`: recipients are contacts' personal data.
     */
    get: operations['listCampaignMessages'];
    put?: never;
    /**
     * Register up to 10,000 messages; each gets an id and its absolute pixel URL
     * @description The whole batch is validated first. It is stored in slices of 1,000: should the service fail mid-way, the slices already answered are stored.
     */
    post: operations['addCampaignMessages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/campaigns/{id}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open statistics of a campaign, each rate with its definition */
    get: operations['getCampaignStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The global tracking mode */
    get: operations['getTrackingConsent'];
    /** Switch tracking off, to anonymous counts, or to individual */
    put: operations['setTrackingConsent'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/contacts/{id}/engagement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's opens across campaigns */
    get: operations['getContactEngagement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/contacts/{id}/tracking': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set do-not-track for a contact (the pixel still answers) */
    put: operations['setContactTracking'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/contacts/{id}/tracking-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Erase a contact's open history */
    delete: operations['eraseContactTracking'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record delivery status updates (delivered, soft_bounce, hard_bounce, complaint)
     * @description Each row is checked on its own: good rows are applied, bad rows (invalid fields, unknown message ids) are listed in `rejected`. A batch without any good row is a 422.
     */
    post: operations['recordDeliveryEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one message and its delivery status */
    get: operations['getMessage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/render': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Insert the message's pixel before </body> of an HTML body */
    post: operations['renderTrackedHtml'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email/webhooks/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delivery events as an email service provider posts them (no API key: signed)
     * @description ses (SNS, signature and subscription confirmation), sendgrid (Signed Event Webhook), mailgun (HMAC signature), postmark (basic auth). The message is found by the X-Sales-Suite-Message-Id header or the sales_suite_message_id custom argument. Unknown message ids are reported, not fatal; a replayed event counts once.
     */
    post: operations['receiveEspWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/funnel/definition': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The allowed stage transitions and lost reasons */
    get: operations['getFunnelDefinition'];
    /** Replace the funnel definition (a new version) */
    put: operations['replaceFunnelDefinition'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/funnel/projections/rebuild': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild the lead read models from the event streams */
    post: operations['rebuildFunnelProjections'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/funnel/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Funnel figures for the leads created in [from, to)
     * @description Definitions of every figure: docs/lead-funnel.md.
     */
    get: operations['getFunnelStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/annotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Find every term mentioned in a text
     * @description Names, aliases and hidden labels; case-insensitive, on word boundaries, the longest mention winning where two overlap. Offsets are UTF-16 code units (JavaScript indices).
     */
    post: operations['annotateText'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Categories in use, with how many terms each has */
    get: operations['listGlossaryCategories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every term, streamed as JSON or CSV
     * @description The CSV has the columns import accepts; list cells are `|`-separated.
     */
    get: operations['exportGlossary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upsert terms by slug from JSON or CSV
     * @description JSON: an array of terms (as created). CSV: the export columns. All rows or none: any invalid row answers 400 naming `rows.<n>.<field>`. `dryRun=true` reports without writing.
     */
    post: operations['importGlossary'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ranked, typo-tolerant search
     * @description Exact name or alias first, then prefix matches, then weighted full text (name A, aliases B, definition C, details D), then trigram similarity for typos (`champoin`).
     */
    get: operations['searchGlossary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/suggest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Autocomplete: terms whose name or alias starts with the prefix */
    get: operations['suggestGlossaryTerms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List terms
     * @description Slug order, cursor pagination, optional filters; `includeDeleted=true` lists deleted terms too, each with `deletedAt`.
     */
    get: operations['listTerms'];
    put?: never;
    /**
     * Create a term
     * @description 409 when the slug is taken, by a live term or by a deleted one (restore that one instead: its history stays with its slug).
     */
    post: operations['createTerm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/terms/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one term by slug
     * @description Answers an `ETag`; with `If-None-Match` naming it, answers 304 without a body. `usedBy` lists where other services use the term (funnel stages and lost reasons); the ETag is the term's version, so a 304 does not say whether `usedBy` changed.
     */
    get: operations['getTerm'];
    put?: never;
    post?: never;
    /**
     * Delete a term
     * @description Requires `If-Match`. Links to it and replacements by it are removed. Its revisions are kept (still readable) and it can be restored; its slug stays reserved for it until then. A term in use (`usedBy`, e.g. a funnel stage) needs `replacedBy`, a live term that takes over its uses: 409 naming the uses without it.
     */
    delete: operations['deleteTerm'];
    options?: never;
    head?: never;
    /**
     * Change some fields of a term
     * @description Requires `If-Match` with the ETag you read: a stale one answers 412, none answers 428. `null` clears `details`, `category` or `replacedBy`. Links are mirrored on the linked terms. Deprecating a term in use needs `replacedBy` (409 naming the uses without it).
     */
    patch: operations['updateTerm'];
    trace?: never;
  };
  '/v1/glossary/terms/{slug}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted term
     * @description Brings the term back from its last revision, as a new revision (action `restored`). Links to terms deleted since are dropped. 409 when the slug is a live term, 404 when no term ever had it.
     */
    post: operations['restoreTerm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/terms/{slug}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A term's revisions, oldest first
     * @description Who changed what and when, as field-level diffs; revision n made version n.
     */
    get: operations['listTermRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/terms/{slug}/revisions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One revision, with the term as it left it */
    get: operations['getTermRevision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/glossary/terms/{slug}/revisions/{n}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a revision's fields current again
     * @description Writes a new version (history is kept). `If-Match` is optional here; when given, a stale one answers 412.
     */
    post: operations['restoreTermRevision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List leads (creation order, cursor pagination, filters) */
    get: operations['listLeads'];
    put?: never;
    /**
     * Create a lead
     * @description Starts the lead’s event stream; known CRM fit attributes, territory and owner are applied.
     */
    post: operations['createLead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a lead (read model) */
    get: operations['getLead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/committee': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a buying-committee member (optionally the Sales Champion) */
    post: operations['addCommitteeMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/engagements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an engagement (meeting booked, form submitted, visit, ...) */
    post: operations['recordEngagement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The lead’s events, in stream order */
    get: operations['getLeadHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/score': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The lead’s score now (or at `at`) with every contribution
     * @description Computed from the lead’s events and the current scoring model.
     */
    get: operations['getLeadScore'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/transitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the lead to another stage
     * @description 409 LEAD_TRANSITION_NOT_ALLOWED names the allowed stages; closed_lost needs a configured reason; `expectedVersion` guards against concurrent changes (409 LEAD_VERSION_CONFLICT).
     */
    post: operations['transitionLead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calling API key's id, name and scopes
     * @description For clients that adapt to what their key may do (the console). Never the secret.
     */
    get: operations['getCurrentKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/erasures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erase a person everywhere (GDPR art. 17)
     * @description Starts a job that erases the person with this email and/or CRM contact id in every service (CRM contact and field history, email addresses and per-person open details, the lead funnel’s references, webhook payloads); anonymous counts stay. Follow it at `Location`. Asking again for the same person starts another job, which finds nothing left.
     */
    post: operations['requestErasure'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/erasures/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An erasure: overall and per-service status, counts, the audit record */
    get: operations['getErasure'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/scoring/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress of a re-score job */
    get: operations['getRescoreJob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/scoring/model': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current scoring model and its version */
    get: operations['getScoringModel'];
    /**
     * Replace the scoring model
     * @description Saves the next version and starts re-scoring every lead (`rescoreJobId`).
     */
    put: operations['replaceScoringModel'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/territories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Territories in priority order, with their rules and owners */
    get: operations['getTerritories'];
    /**
     * Replace the territories
     * @description Saves the next version and starts a job that reassigns the open leads whose territory or owner no longer fits (`reassignJobId`).
     */
    put: operations['replaceTerritories'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/territories/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress of a territory reassignment job */
    get: operations['getTerritoryJob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The subscriptions */
    get: operations['listWebhooks'];
    put?: never;
    /**
     * Subscribe a URL to events
     * @description Answers the signing secret once. Deliveries are signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
     */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One subscription */
    get: operations['getWebhook'];
    put?: never;
    post?: never;
    /** Delete a subscription and its delivery log */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    /** Change a subscription; `enabled: true` re-enables one disabled after failures */
    patch: operations['updateWebhook'];
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log, newest first: status, response code, attempts, next attempt */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a signed `webhook.test` event (queued, retried like any delivery) */
    post: operations['testWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AccountPageView: {
      items: components['schemas']['AccountView'][];
      nextCursor: string | null;
    };
    AccountView: {
      /** @description As imported, a plain amount */
      annualRevenue: string | null;
      /** @description As imported */
      city: string | null;
      country: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @example acme.com */
      domain: string;
      /** @enum {string|null} */
      employeeRange:
        | '1-10'
        | '11-50'
        | '51-200'
        | '201-500'
        | '501-1000'
        | '1001-5000'
        | '5001-10000'
        | '10001+'
        | null;
      /** Format: uuid */
      id: string;
      industry: string | null;
      name: string | null;
      provenance: {
        [key: string]: components['schemas']['FieldProvenanceView'];
      };
      /** Format: date-time */
      updatedAt: string;
      version: number;
      website: string | null;
    };
    AddCommitteeMemberDto: {
      /** @description This contact is the lead’s Sales Champion. */
      champion?: boolean;
      /** @example c-2001 */
      contactId: string;
      /** @enum {string} */
      role:
        | 'decision_maker'
        | 'economic_buyer'
        | 'champion'
        | 'influencer'
        | 'technical_buyer'
        | 'user'
        | 'blocker';
    };
    AddMessagesDto: {
      messages: components['schemas']['NewMessageDto'][];
    };
    AnnotateDto: {
      /** @example We met their Sales Champion at the SKO; the deal is not Closed Lost yet. */
      text: string;
    };
    AnnotateResultView: {
      mentions: components['schemas']['MentionView'][];
    };
    ApiKeyView: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @example crm-sync */
      name: string;
      /**
       * @description The first characters of the key, to recognise it.
       * @example ssk_a1B2c3D4
       */
      prefix: string;
      /** Format: date-time */
      revokedAt: string | null;
      scopes: (
        | 'glossary:read'
        | 'glossary:write'
        | 'crm:read'
        | 'crm:write'
        | 'leads:read'
        | 'leads:write'
        | 'email:read'
        | 'email:write'
        | 'privacy:read'
        | 'privacy:write'
        | 'admin'
      )[];
    };
    CampaignMessagePageView: {
      items: components['schemas']['CampaignMessageView'][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    CampaignMessageView: {
      /** @example contact-42 */
      contactId: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /**
       * @description The recipient's address; null unless the key also holds `crm:read`.
       * @example ada@example.com
       */
      email: string | null;
      /** Format: date-time */
      firstHumanOpenAt: string | null;
      /** Format: date-time */
      firstOpenAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      leadId: string | null;
      /** @description Opened at least once, by any classification. */
      opened: boolean;
      /** Format: date-time */
      sentAt: string;
      /**
       * @description The latest delivery status.
       * @enum {string}
       */
      status: 'sent' | 'delivered' | 'soft_bounce' | 'hard_bounce' | 'complaint';
    };
    CampaignPageView: {
      items: components['schemas']['CampaignSummaryView'][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    CampaignStatsView: {
      bounced: number;
      /** Format: uuid */
      campaignId: string;
      clickThroughRate: components['schemas']['RateView'];
      clickToOpenRate: components['schemas']['RateView'];
      /** @description Total clicks by classification (every classification, 0 when none). */
      clicksByClassification?: {
        human: number;
        'machine:bot': number;
        'machine:scanner': number;
      };
      complaints: number;
      /** @description What each figure counts, by figure name. */
      definitions: {
        [key: string]: string;
      };
      delivered: number;
      humanOpenRate: components['schemas']['RateView'];
      /** @description Human opens implied by a human click (included in the open figures). */
      impliedOpens: number;
      /** @description Per link, most human clicks first. */
      links: components['schemas']['LinkStatsView'][];
      openRate: components['schemas']['RateView'];
      /** @description Total opens by classification (every classification, 0 when none). */
      opensByClassification?: {
        human: number;
        'machine:apple_mpp': number;
        'machine:bot': number;
        'machine:proxy_prefetch': number;
        'machine:scanner': number;
      };
      sent: number;
      series: components['schemas']['OpenSeriesView'];
      timeToFirstOpen: components['schemas']['TimeToFirstOpenView'];
      totalClicks: number;
      totalOpens: number;
      uniqueClicks: number;
      uniqueHumanClicks: number;
      uniqueHumanOpens: number;
      uniqueOpens: number;
      unsubscribeRate: components['schemas']['RateView'];
      /** @description Messages whose recipient unsubscribed through them. */
      unsubscribes: number;
    };
    CampaignSummaryView: {
      /**
       * Format: date-time
       * @description When the campaign was archived; null when it is not.
       */
      archivedAt: string | null;
      /** @example 20 */
      bounced: number;
      /** Format: date-time */
      createdAt: string;
      /** @example 1180 */
      delivered: number;
      humanOpenRate: components['schemas']['RateView'];
      /** Format: uuid */
      id: string;
      /** @example November newsletter */
      name: string;
      openRate: components['schemas']['RateView'];
      /** @example 1200 */
      sent: number;
      /** @example What is new in November */
      subject: string;
      /** @example 420 */
      uniqueHumanOpens: number;
      /** @example 610 */
      uniqueOpens: number;
    };
    CampaignView: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      subject: string;
    };
    CategoriesView: {
      items: components['schemas']['CategoryCountView'][];
    };
    CategoryCountView: {
      /** @example Buying process */
      category: string;
      /** @example 2 */
      count: number;
    };
    ChampionBonusDto: {
      /** @example 10 */
      points: number;
    };
    CommitteeBonusDto: {
      /** @example 20 */
      maxPoints: number;
      /**
       * @description Per distinct committee role that engaged.
       * @example 5
       */
      pointsPerRole: number;
    };
    CommitteeMemberView: {
      contactId: string;
      /** @enum {string} */
      role:
        | 'decision_maker'
        | 'economic_buyer'
        | 'champion'
        | 'influencer'
        | 'technical_buyer'
        | 'user'
        | 'blocker';
    };
    ConsentDto: {
      /** @enum {string} */
      mode: 'off' | 'anonymous' | 'individual';
    };
    ConsentView: {
      description: string;
      /** @enum {string} */
      mode: 'off' | 'anonymous' | 'individual';
    };
    ContactClickView: {
      /** Format: uuid */
      campaignId: string;
      /** @enum {string} */
      classification: 'human' | 'machine:scanner' | 'machine:bot';
      /** Format: date-time */
      clickedAt: string;
      /** Format: uuid */
      messageId: string;
      reason: string;
      uaFamily: string | null;
      url: string;
    };
    ContactEmailTakenProblemView: {
      /**
       * @example GLOSSARY_TERM_NOT_FOUND
       * @enum {string}
       */
      code:
        | 'VALIDATION_FAILED'
        | 'UNAUTHENTICATED'
        | 'FORBIDDEN'
        | 'NOT_FOUND'
        | 'CONFLICT'
        | 'PRECONDITION_FAILED'
        | 'PRECONDITION_REQUIRED'
        | 'UNPROCESSABLE'
        | 'PAYLOAD_TOO_LARGE'
        | 'URI_TOO_LONG'
        | 'HEADERS_TOO_LARGE'
        | 'REQUEST_TIMEOUT'
        | 'UNSUPPORTED_MEDIA_TYPE'
        | 'RATE_LIMITED'
        | 'SERVICE_UNAVAILABLE'
        | 'SERVICE_TIMEOUT'
        | 'INTERNAL'
        | 'GLOSSARY_TERM_NOT_FOUND'
        | 'GLOSSARY_SLUG_TAKEN'
        | 'LEAD_NOT_FOUND'
        | 'LEAD_TRANSITION_NOT_ALLOWED'
        | 'LEAD_VERSION_CONFLICT'
        | 'SCORING_JOB_NOT_FOUND'
        | 'TERRITORY_JOB_NOT_FOUND'
        | 'EMAIL_CAMPAIGN_NOT_FOUND'
        | 'EMAIL_MESSAGE_NOT_FOUND'
        | 'EMAIL_DELIVERY_EVENTS_REJECTED'
        | 'GLOSSARY_VERSION_MISMATCH'
        | 'GLOSSARY_UNKNOWN_TERM'
        | 'GLOSSARY_INVALID_RELATION'
        | 'GLOSSARY_REVISION_NOT_FOUND'
        | 'CRM_CONTACT_NOT_FOUND'
        | 'CRM_CONTACT_EMAIL_TAKEN'
        | 'CRM_ACCOUNT_NOT_FOUND'
        | 'CRM_ACCOUNT_DOMAIN_TAKEN'
        | 'CRM_IMPORT_NOT_FOUND'
        | 'CRM_IMPORT_COLUMNS_INVALID'
        | 'CRM_IMPORT_FILE_UNREADABLE'
        | 'CRM_IMPORT_NOT_RECEIVING'
        | 'CRM_IMPORT_TOO_LARGE'
        | 'PRIVACY_ERASURE_NOT_FOUND';
      /** @example No term has the slug "pipeline-velocity" */
      detail: string;
      errors?: components['schemas']['FieldViolationView'][];
      /**
       * Format: uuid
       * @description The contact that has the email
       */
      existingContactId: string;
      /** @example /v1/glossary/terms/pipeline-velocity */
      instance?: string;
      /** @example 404 */
      status: number;
      /** @example Not Found */
      title: string;
      /** @example urn:sales-suite:problem:glossary-term-not-found */
      type: string;
    };
    ContactEngagementView: {
      contactId: string;
      delivered: number;
      doNotTrack: boolean;
      humanOpenRate: components['schemas']['RateView'];
      /** Format: date-time */
      lastHumanClickAt: string | null;
      /** Format: date-time */
      lastHumanOpenAt: string | null;
      messages: number;
      openRate: components['schemas']['RateView'];
      /** @description The 50 most recent clicks. */
      recentClicks: components['schemas']['ContactClickView'][];
      /** @description The 50 most recent opens. */
      recentOpens: components['schemas']['ContactOpenView'][];
      totalClicks: number;
      totalOpens: number;
      /** @description Messages with at least one human click. */
      uniqueHumanClicks: number;
      uniqueHumanOpens: number;
      uniqueOpens: number;
      /**
       * Format: date-time
       * @description The first unsubscribe of the contact, null when it never unsubscribed.
       */
      unsubscribedAt: string | null;
      /** @description The contact's messages it unsubscribed through. */
      unsubscribes: number;
    };
    ContactOpenView: {
      /** Format: uuid */
      campaignId: string;
      /** @enum {string} */
      classification:
        | 'human'
        | 'machine:apple_mpp'
        | 'machine:proxy_prefetch'
        | 'machine:scanner'
        | 'machine:bot';
      /** Format: uuid */
      messageId: string;
      /** Format: date-time */
      openedAt: string;
      reason: string;
      uaFamily: string | null;
    };
    ContactPageView: {
      items: components['schemas']['ContactView'][];
      nextCursor: string | null;
    };
    ContactTrackingDto: {
      /** @description When true, opens by this contact are neither stored nor emitted. */
      doNotTrack: boolean;
    };
    ContactTrackingView: {
      contactId: string;
      doNotTrack: boolean;
    };
    ContactView: {
      /** Format: uuid */
      accountId: string | null;
      city: string | null;
      /** @description The company's switchboard, as imported */
      corporatePhone: string | null;
      /** @description ISO-3166 alpha-2 */
      country: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Columns of an import that no contact field takes, by header, with their source */
      custom: {
        [key: string]: components['schemas']['CustomFieldView'];
      };
      /** @enum {string|null} */
      department:
        | 'sales'
        | 'marketing'
        | 'engineering'
        | 'finance'
        | 'operations'
        | 'product'
        | 'customer_success'
        | 'hr'
        | 'legal'
        | 'executive'
        | 'other'
        | null;
      /** @description Direct line, as imported */
      directPhone: string | null;
      disposableEmail: boolean;
      doNotContact: boolean;
      email: string | null;
      firstName: string | null;
      freeEmail: boolean;
      fullName: string | null;
      /** Format: uuid */
      id: string;
      lastName: string | null;
      /** @description Mobile, as imported */
      mobilePhone: string | null;
      ownerId: string | null;
      /** @description As given */
      phone: string | null;
      /** @example +14155552671 */
      phoneE164: string | null;
      /** @example mobile */
      phoneType: string | null;
      /** @description Every field that has a value (or a person cleared): its source, confidence and freshness */
      provenance: {
        [key: string]: components['schemas']['FieldProvenanceView'];
      };
      roleAccount: boolean;
      /** @enum {string|null} */
      seniority:
        | 'owner'
        | 'founder'
        | 'c_suite'
        | 'partner'
        | 'vp'
        | 'head'
        | 'director'
        | 'manager'
        | 'senior'
        | 'entry'
        | 'intern'
        | null;
      source: string | null;
      title: string | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    CreateAccountDto: {
      /**
       * @description Name or ISO code
       * @example DE
       */
      country?: string | null;
      /**
       * @description A domain or URL; stored as its registrable domain
       * @example acme.com
       */
      domain: string;
      /** @enum {string|null} */
      employeeRange?:
        | '1-10'
        | '11-50'
        | '51-200'
        | '201-500'
        | '501-1000'
        | '1001-5000'
        | '5001-10000'
        | '10001+'
        | null;
      /** @example Industrial Automation */
      industry?: string | null;
      /** @example Acme Robotics */
      name?: string | null;
      /** @example https://www.acme.com */
      website?: string | null;
    };
    CreateApiKeyDto: {
      /**
       * @description Who uses the key; recorded as the author of changes.
       * @example crm-sync
       */
      name: string;
      /**
       * @example [
       *       "glossary:read"
       *     ]
       */
      scopes: (
        | 'glossary:read'
        | 'glossary:write'
        | 'crm:read'
        | 'crm:write'
        | 'leads:read'
        | 'leads:write'
        | 'email:read'
        | 'email:write'
        | 'privacy:read'
        | 'privacy:write'
        | 'admin'
      )[];
    };
    CreateCampaignDto: {
      /** @example November newsletter */
      name: string;
      /** @example What is new in November */
      subject: string;
    };
    CreateContactDto: {
      /** Format: uuid */
      accountId?: string | null;
      /** @example Berlin */
      city?: string | null;
      /**
       * @description Name or ISO code
       * @example Germany
       */
      country?: string | null;
      doNotContact?: boolean | null;
      /**
       * Format: email
       * @description One address (a display name or `mailto:` is stripped); stored trimmed and lower-cased. Unique among contacts.
       * @example jane.doe@acme.com
       */
      email?: string | null;
      /** @example Jane */
      firstName?: string | null;
      /** @example Doe */
      lastName?: string | null;
      /** @example user-42 */
      ownerId?: string | null;
      /** @example +1 (415) 555-2671 */
      phone?: string | null;
      /**
       * @description Lead source
       * @example webinar
       */
      source?: string | null;
      /** @example VP, Sales & Marketing */
      title?: string | null;
    };
    CreateErasureDto: {
      /** @example 0b9f5c1e-3a43-4e0c-9a3c-1d2f3e4a5b6c */
      contactId?: string;
      /** @example person@example.com */
      email?: string;
    };
    CreateLeadDto: {
      /** @example a-77 */
      accountId?: string;
      /** @example 12000 */
      amount?: number;
      /** @example c-1042 */
      contactId?: string;
      /**
       * @description An explicit owner; otherwise the territory assigns one round-robin.
       * @example ana@example.com
       */
      ownerId?: string;
      /** @enum {string} */
      source: 'inbound' | 'outbound' | 'event' | 'referral' | 'partner';
    };
    CreateTermDto: {
      /**
       * @description Alternative labels (SKOS altLabel), e.g. `SKO` for Sales Kickoff.
       * @example [
       *       "Champion"
       *     ]
       */
      aliases?: string[];
      /** @example Buying process */
      category?: string | null;
      /** @example A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution. */
      definition: string;
      /** @description Markdown */
      details?: string | null;
      /**
       * @description Common misspellings: found by search and annotate, never displayed.
       * @example [
       *       "sales champoin"
       *     ]
       */
      hiddenLabels?: string[];
      /** @example Sales Champion */
      name: string;
      /** @description Typed links to other terms by slug; the inverse link is kept on the other term (broader ↔ narrower, related ↔ related, see-also ↔ see-also). Unknown slugs are a 422. */
      relations?: components['schemas']['TermRelationDto'][];
      /**
       * @description Only for a deprecated term: the slug of the term that replaces it.
       * @example sales-kickoff
       */
      replacedBy?: string | null;
      /** @example sales-champion */
      slug: string;
      sources?: components['schemas']['TermSourceDto'][];
      /**
       * @default draft
       * @enum {string}
       */
      status?: 'draft' | 'approved' | 'deprecated';
      /**
       * @example [
       *       "b2b"
       *     ]
       */
      tags?: string[];
    };
    CreateWebhookDto: {
      /** @example HubSpot workflow trigger */
      description?: string;
      /**
       * @example [
       *       "lead.qualified"
       *     ]
       */
      events: (
        | 'lead.created'
        | 'lead.stage_changed'
        | 'lead.qualified'
        | 'lead.disqualified'
        | 'lead.assigned'
        | 'lead.score_changed'
        | 'email.opened'
        | 'crm.contact.enriched'
        | 'glossary.term.created'
        | 'glossary.term.updated'
        | 'glossary.term.deleted'
        | 'glossary.term.restored'
        | 'glossary.term.*'
      )[];
      /**
       * @description http(s) URL; private, loopback, link-local, multicast and unique-local targets are refused unless WEBHOOK_ALLOWED_TARGETS admits them.
       * @example https://hooks.example.com/sales-suite
       */
      url: string;
    };
    CreatedApiKeyView: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @description The secret key. Shown once: only its hash is stored. */
      key: string;
      /** @example crm-sync */
      name: string;
      /**
       * @description The first characters of the key, to recognise it.
       * @example ssk_a1B2c3D4
       */
      prefix: string;
      /** Format: date-time */
      revokedAt: string | null;
      scopes: (
        | 'glossary:read'
        | 'glossary:write'
        | 'crm:read'
        | 'crm:write'
        | 'leads:read'
        | 'leads:write'
        | 'email:read'
        | 'email:write'
        | 'privacy:read'
        | 'privacy:write'
        | 'admin'
      )[];
    };
    CreatedMessageView: {
      email: string;
      /** Format: uuid */
      id: string;
      /** @example https://t.example.com/t/o/AQJrMT8rjE6dGk57jwABI0VniatTSYgh0mwZL3MLmE2yhgcZ.gif */
      pixelUrl: string;
    };
    CreatedMessagesView: {
      /** Format: uuid */
      campaignId: string;
      messages: components['schemas']['CreatedMessageView'][];
    };
    CreatedWebhookView: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description Why it was disabled. */
      disabledReason: string | null;
      enabled: boolean;
      events: (
        | 'lead.created'
        | 'lead.stage_changed'
        | 'lead.qualified'
        | 'lead.disqualified'
        | 'lead.assigned'
        | 'lead.score_changed'
        | 'email.opened'
        | 'crm.contact.enriched'
        | 'glossary.term.created'
        | 'glossary.term.updated'
        | 'glossary.term.deleted'
        | 'glossary.term.restored'
        | 'glossary.term.*'
      )[];
      /** Format: uuid */
      id: string;
      /**
       * @description The signing secret (Standard Webhooks). Shown once: store it with the receiver.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
    };
    CustomFieldView: {
      /** Format: date-time */
      observedAt: string;
      /** @example import:hubspot-contacts.csv */
      source: string;
      value: string;
    };
    DeliveryEventDto: {
      /** Format: uuid */
      messageId: string;
      /**
       * Format: date-time
       * @description Defaults to the time received.
       */
      occurredAt?: string;
      /** @enum {string} */
      type: 'delivered' | 'soft_bounce' | 'hard_bounce' | 'complaint';
    };
    DeliveryEventsDto: {
      /** @description Rows are checked one by one: bad rows are reported, good rows are kept. */
      events: components['schemas']['DeliveryEventDto'][];
    };
    DeliveryEventsResultView: {
      accepted: number;
      rejected: components['schemas']['RejectedRowView'][];
    };
    DuplicateGroupView: {
      contactIds: string[];
      /** @example jdoe@gmail.com */
      key: string;
      /** @enum {string} */
      reason: 'email' | 'name_at_account';
    };
    DuplicateGroupsView: {
      groups: components['schemas']['DuplicateGroupView'][];
    };
    EngagementCapDto: {
      /**
       * @description Period length; periods start at 1970-01-01T00:00Z.
       * @example 7
       */
      periodDays: number;
      /**
       * @description Most points (absolute) one period may count.
       * @example 15
       */
      points: number;
    };
    EngagementRuleDto: {
      cap?: components['schemas']['EngagementCapDto'];
      /** @enum {string} */
      event:
        | 'email_opened'
        | 'email_clicked'
        | 'meeting_booked'
        | 'form_submitted'
        | 'web_visit'
        | 'unsubscribed';
      /**
       * @description Days after which an event counts half.
       * @example 14
       */
      halfLifeDays: number;
      /** @example email-open */
      id: string;
      /** @example 5 */
      points: number;
    };
    EnrichmentPreviewView: {
      /** @description The account the work email points to (existing or as it would be created) */
      account: {
        [key: string]: unknown;
      } | null;
      /** @description Field → value */
      contact: {
        [key: string]: (string | null) | boolean;
      };
      provenance: {
        [key: string]: components['schemas']['FieldProvenanceView'];
      };
    };
    ErasedTrackingView: {
      contactId: string;
      /** @description Click records deleted. */
      erasedClicks: number;
      /** @description Open records deleted. */
      erasedOpens: number;
    };
    ErasureServiceView: {
      /**
       * @description Rows erased or redacted, by kind; empty while pending.
       * @example {
       *       "contacts": 1,
       *       "fieldHistory": 3
       *     }
       */
      erased: {
        [key: string]: number;
      };
      /** Format: date-time */
      finishedAt: string | null;
      /** @description Why it failed; null otherwise. */
      reason: string | null;
      /** @enum {string} */
      service: 'crm-enrichment' | 'email-tracking' | 'lead-funnel' | 'gateway';
      /** @enum {string} */
      status: 'pending' | 'done' | 'failed';
    };
    ErasureView: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      requestedBy: 'email' | 'contactId' | 'email+contactId';
      /**
       * Format: uuid
       * @description The API key that asked.
       */
      requestedByKeyId: string;
      services: components['schemas']['ErasureServiceView'][];
      /**
       * @description done when every service is done; failed when one failed.
       * @enum {string}
       */
      status: 'pending' | 'done' | 'failed';
      /** @description HMAC-SHA256 (hex) of the normalised email, or of the contact id when no email was given, under a server key: proves whom a request was about to whoever knows the email, reveals nothing to others. */
      subjectHmac: string;
    };
    EspWebhookResultView: {
      /** @description Events already recorded under the same provider event id. */
      duplicates: number;
      /** @description Provider events this suite does not track (e.g. processed, deferred). */
      ignored: number;
      /** @description Events applied for the first time. */
      recorded: number;
      /** @description Message ids named by events but unknown here: reported, not fatal. */
      unknownMessageIds: string[];
      /** @description Events carrying neither our header nor our custom argument. */
      withoutMessageId: number;
    };
    FieldChangeView: {
      /**
       * @description API key name or job that made the change
       * @example crm-sync
       */
      actor: string;
      /** Format: date-time */
      changedAt: string;
      confidence: number;
      /** @example title */
      field: string;
      newValue: (string | null) | boolean;
      oldValue: (string | null) | boolean;
      /** @enum {string} */
      reason: 'create' | 'update' | 'enrich' | 'import' | 'merge' | 'refresh' | 'unsubscribe';
      /** @example user */
      source: string;
    };
    FieldHistoryPageView: {
      items: components['schemas']['FieldChangeView'][];
      nextCursor: string | null;
    };
    FieldProvenanceView: {
      /** @example 0.8 */
      confidence: number;
      /** @description The value is kept as given but failed validation */
      invalid?: boolean;
      /** @description Set by a person: enrichment never replaces it */
      locked: boolean;
      /** Format: date-time */
      observedAt: string;
      /** @example too_short */
      reason?: string;
      /**
       * @description user | import | rule:<name> | provider:<name> | email:unsubscribe
       * @example rule:title
       */
      source: string;
      /**
       * Format: uuid
       * @description What the source acted on: the email message of an email:unsubscribe
       */
      sourceRef?: string;
      /** @description The value (string, boolean or null) */
      value: (string | null) | boolean;
      /** Format: date-time */
      verifiedAt: string | null;
    };
    FieldViolationView: {
      /** @example slug */
      field: string;
      /** @example slug must be kebab-case: lowercase letters, digits and single hyphens */
      reason: string;
    };
    FitRuleDto: {
      /** @enum {string} */
      attribute:
        | 'seniority'
        | 'department'
        | 'country'
        | 'region'
        | 'industry'
        | 'employeeRange'
        | 'freeEmail'
        | 'disposableEmail'
        | 'roleAccount';
      /** @example senior-buyer */
      id: string;
      /** @example 15 */
      points: number;
      /**
       * @example [
       *       "vp",
       *       "c_suite"
       *     ]
       */
      values: (string | boolean)[];
    };
    FunnelDefinitionDto: {
      /** @description The glossary term naming each lost reason (one of `lostReasons`). Omitted: the current links of the reasons still listed stay. */
      lostReasonTerms?: components['schemas']['LostReasonTermDto'][];
      /**
       * @example [
       *       "no_budget",
       *       "lost_to_competitor"
       *     ]
       */
      lostReasons: string[];
      /** @description The glossary term naming each stage (stages left out have none). Omitted: the current links stay. Each slug must be a live, non-deprecated glossary term (422 otherwise). */
      stages?: components['schemas']['StageTermDto'][];
      transitions: components['schemas']['StageTransitionsDto'][];
    };
    FunnelDefinitionView: {
      lostReasonTerms: components['schemas']['LostReasonTermView'][];
      lostReasons: string[];
      stages: components['schemas']['StageTermView'][];
      /** @description false when the glossary did not answer: the links are listed, their terms are null. */
      termsAvailable: boolean;
      transitions: components['schemas']['StageTransitionsDto'][];
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    FunnelStatsGroupView: {
      byStage: {
        [key: string]: number;
      };
      /** @description One per move the funnel definition allows, in the order of its transitions. */
      conversions: components['schemas']['StageConversionView'][];
      /** @description Group value (null: unassigned). */
      key: string | null;
      leads: number;
      lost: number;
      lostReasons: {
        [key: string]: number;
      };
      medianSecondsInStage: {
        [key: string]: number | null;
      };
      reached: {
        [key: string]: number;
      };
      winRate: number | null;
      won: number;
    };
    FunnelStatsView: {
      /** @description Version of the funnel definition whose transitions conversions follow. */
      definitionVersion: number;
      /** Format: date-time */
      from: string;
      /** @enum {string|null} */
      groupBy: 'source' | 'territory' | 'owner' | null;
      groups: components['schemas']['FunnelStatsGroupView'][];
      overall: components['schemas']['FunnelStatsGroupView'];
      /** Format: date-time */
      to: string;
    };
    ImportAcceptedView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'receiving' | 'queued' | 'running' | 'completed' | 'failed';
    };
    ImportColumnView: {
      /** @description 1 when chosen in `mapping`, 0.95 a distinctive header, 0.6 a loose one, 0 none */
      confidence: number;
      /** @description The field it fills, `ignore` (not imported), or null (kept as a custom field) */
      field: string | null;
      header: string;
    };
    ImportErrorView: {
      field: string | null;
      reason: string;
      /** @description Row number in the file (the header is row 1) */
      row: number;
    };
    ImportOutcomeView: {
      /** @enum {string} */
      outcome: 'created' | 'updated' | 'unchanged';
      /**
       * @description 1-based row (data rows; the CSV header is row 0)
       * @example 2
       */
      row: number;
      /** @example open-rate */
      slug: string;
    };
    ImportPreviewRowView: {
      /** @description Account fields the row proposes, and the domain it links by */
      account: {
        [key: string]: string;
      };
      /** @description Contact fields as they would be stored (before enrichment rules) */
      contact: {
        [key: string]: (string | null) | boolean;
      };
      custom: {
        [key: string]: string;
      };
      /** @description Why the row would fail */
      error: components['schemas']['ImportErrorView'] | null;
      /** @description Row number in the file (the header is row 1) */
      row: number;
    };
    ImportPreviewView: {
      columns: components['schemas']['ImportColumnView'][];
      duplicatedColumns: string[];
      ignoredColumns: string[];
      /** @description The first 20 rows */
      rows: components['schemas']['ImportPreviewRowView'][];
      /** @enum {string} */
      source:
        'hubspot' | 'salesforce' | 'pipedrive' | 'apollo' | 'sales_navigator' | 'close' | 'generic';
    };
    ImportReportView: {
      /** @example 1 */
      created: number;
      /** @example false */
      dryRun: boolean;
      rows: components['schemas']['ImportOutcomeView'][];
      /** @example 13 */
      unchanged: number;
      /** @example 1 */
      updated: number;
    };
    ImportView: {
      /** @description Header → contact field */
      columns: {
        [key: string]: string;
      };
      created: number;
      /** Format: date-time */
      createdAt: string;
      /** @description Second columns for a field another column takes: kept as custom fields */
      duplicatedColumns: string[];
      /** @description The first 1,000 row errors */
      errors: components['schemas']['ImportErrorView'][];
      failed: number;
      fileName: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description Headers of no known field: kept per contact as custom fields */
      ignoredColumns: string[];
      processed: number;
      /** Format: date-time */
      startedAt: string | null;
      /** @enum {string} */
      status: 'receiving' | 'queued' | 'running' | 'completed' | 'failed';
      /** @description Data rows received */
      total: number;
      unchanged: number;
      updated: number;
    };
    LeadEventView: {
      /** @description Who caused it: an API key name, a consumer or `system`. */
      actor: string;
      data: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      occurredAt: string;
      /** @enum {string} */
      type:
        | 'LeadCreated'
        | 'StageChanged'
        | 'EngagementRecorded'
        | 'FitUpdated'
        | 'CommitteeMemberAdded'
        | 'ChampionIdentified'
        | 'LeadAssigned'
        | 'ScoreChanged';
      version: number;
    };
    LeadHistoryView: {
      events: components['schemas']['LeadEventView'][];
      /** Format: uuid */
      leadId: string;
      version: number;
    };
    LeadPageView: {
      items: components['schemas']['LeadView'][];
      nextCursor: string | null;
    };
    LeadView: {
      accountId: string | null;
      amount: number | null;
      championContactId: string | null;
      committee: components['schemas']['CommitteeMemberView'][];
      contactId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description As last scored, decayed to the time of the read. */
      engagementScore: number;
      /** @description Fit score when last scored. */
      fitScore: number;
      /** Format: uuid */
      id: string;
      lostReason: string | null;
      ownerId: string | null;
      scoreModelVersion: number | null;
      /** Format: date-time */
      scoredAt: string | null;
      /** @enum {string} */
      source: 'inbound' | 'outbound' | 'event' | 'referral' | 'partner';
      /** @enum {string} */
      stage:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
      /** Format: date-time */
      stageEnteredAt: string;
      territoryId: string | null;
      /** @description As last scored, decayed to the time of the read. */
      totalScore: number;
      /** Format: date-time */
      updatedAt: string;
      /** @description Stream version: the number of events so far. */
      version: number;
    };
    LinkStatsView: {
      totalClicks: number;
      uniqueClicks: number;
      uniqueHumanClicks: number;
      url: string;
    };
    LinkedTermView: {
      definition: string;
      /** @example Closed Lost */
      name: string;
      /** @enum {string} */
      status: 'draft' | 'approved' | 'deprecated';
    };
    LostReasonTermDto: {
      /** @example lost_to_competitor */
      reason: string;
      /** @example closed-lost */
      termSlug: string;
    };
    LostReasonTermView: {
      reason: string;
      term: components['schemas']['LinkedTermView'] | null;
      /** @example closed-lost */
      termSlug: string;
    };
    MeView: {
      /** Format: uuid */
      id: string;
      /** @example sales-console */
      name: string;
      /**
       * @example [
       *       "leads:read",
       *       "glossary:read"
       *     ]
       */
      scopes: (
        | 'glossary:read'
        | 'glossary:write'
        | 'crm:read'
        | 'crm:write'
        | 'leads:read'
        | 'leads:write'
        | 'email:read'
        | 'email:write'
        | 'privacy:read'
        | 'privacy:write'
        | 'admin'
      )[];
    };
    MentionView: {
      /**
       * @description UTF-16 offset after the last character
       * @example 27
       */
      end: number;
      /**
       * @description The text as written
       * @example Sales Champion
       */
      matched: string;
      /** @example sales-champion */
      slug: string;
      /**
       * @description UTF-16 offset of the first character
       * @example 13
       */
      start: number;
    };
    MergeContactsDto: {
      /** @description Merged into the primary, then removed */
      duplicateIds: string[];
      /**
       * Format: uuid
       * @description The contact that stays
       */
      primaryId: string;
    };
    MessageTaggingView: {
      /** @description Custom arguments: SendGrid `custom_args`, Mailgun `v:` variables (or X-Mailgun-Variables), Postmark `Metadata`, SES message tags. */
      customArgs: {
        [key: string]: string;
      };
      /** @description Headers to add to the message: X-Sales-Suite-Message-Id, and List-Unsubscribe with List-Unsubscribe-Post (RFC 2369, RFC 8058 one-click). */
      headers: {
        [key: string]: string;
      };
    };
    MessageView: {
      /** @description The address unsubscribed through any message (of any campaign): do not send to it again. */
      addressUnsubscribed: boolean;
      /** Format: uuid */
      campaignId: string;
      contactId: string | null;
      email: string;
      /** Format: uuid */
      id: string;
      leadId: string | null;
      /** @enum {string} */
      status: 'sent' | 'delivered' | 'soft_bounce' | 'hard_bounce' | 'complaint';
      /**
       * Format: date-time
       * @description When this message's one-click unsubscribe link was used; null when it was not.
       */
      unsubscribedAt: string | null;
    };
    NewMessageDto: {
      /** @example contact-42 */
      contactId?: string;
      /** @example ada@example.com */
      email: string;
      /**
       * Format: uuid
       * @description The lead in the lead funnel, if any.
       */
      leadId?: string;
    };
    OpenSeriesView: {
      buckets: components['schemas']['SeriesBucketView'][];
      definition: string;
    };
    ProblemDetailsView: {
      /**
       * @example GLOSSARY_TERM_NOT_FOUND
       * @enum {string}
       */
      code:
        | 'VALIDATION_FAILED'
        | 'UNAUTHENTICATED'
        | 'FORBIDDEN'
        | 'NOT_FOUND'
        | 'CONFLICT'
        | 'PRECONDITION_FAILED'
        | 'PRECONDITION_REQUIRED'
        | 'UNPROCESSABLE'
        | 'PAYLOAD_TOO_LARGE'
        | 'URI_TOO_LONG'
        | 'HEADERS_TOO_LARGE'
        | 'REQUEST_TIMEOUT'
        | 'UNSUPPORTED_MEDIA_TYPE'
        | 'RATE_LIMITED'
        | 'SERVICE_UNAVAILABLE'
        | 'SERVICE_TIMEOUT'
        | 'INTERNAL'
        | 'GLOSSARY_TERM_NOT_FOUND'
        | 'GLOSSARY_SLUG_TAKEN'
        | 'LEAD_NOT_FOUND'
        | 'LEAD_TRANSITION_NOT_ALLOWED'
        | 'LEAD_VERSION_CONFLICT'
        | 'SCORING_JOB_NOT_FOUND'
        | 'TERRITORY_JOB_NOT_FOUND'
        | 'EMAIL_CAMPAIGN_NOT_FOUND'
        | 'EMAIL_MESSAGE_NOT_FOUND'
        | 'EMAIL_DELIVERY_EVENTS_REJECTED'
        | 'GLOSSARY_VERSION_MISMATCH'
        | 'GLOSSARY_UNKNOWN_TERM'
        | 'GLOSSARY_INVALID_RELATION'
        | 'GLOSSARY_REVISION_NOT_FOUND'
        | 'CRM_CONTACT_NOT_FOUND'
        | 'CRM_CONTACT_EMAIL_TAKEN'
        | 'CRM_ACCOUNT_NOT_FOUND'
        | 'CRM_ACCOUNT_DOMAIN_TAKEN'
        | 'CRM_IMPORT_NOT_FOUND'
        | 'CRM_IMPORT_COLUMNS_INVALID'
        | 'CRM_IMPORT_FILE_UNREADABLE'
        | 'CRM_IMPORT_NOT_RECEIVING'
        | 'CRM_IMPORT_TOO_LARGE'
        | 'PRIVACY_ERASURE_NOT_FOUND';
      /** @example No term has the slug "pipeline-velocity" */
      detail: string;
      errors?: components['schemas']['FieldViolationView'][];
      /** @example /v1/glossary/terms/pipeline-velocity */
      instance?: string;
      /** @example 404 */
      status: number;
      /** @example Not Found */
      title: string;
      /** @example urn:sales-suite:problem:glossary-term-not-found */
      type: string;
    };
    ProjectionRebuildView: {
      durationMs: number;
      events: number;
      leads: number;
    };
    QualificationDto: {
      /**
       * @description An automatic MQL falls back to engaged only below threshold − hysteresis.
       * @example 10
       */
      hysteresis: number;
      /**
       * @description An engaged lead at or above this becomes an MQL.
       * @example 50
       */
      mqlThreshold: number;
    };
    RateView: {
      definition: string;
      denominator: number;
      numerator: number;
      /** @description numerator ÷ denominator; null when the denominator is 0 */
      value: number | null;
    };
    RecordEngagementDto: {
      /** @description The committee contact who engaged, if known. */
      contactId?: string;
      /**
       * Format: date-time
       * @description When it happened; default now.
       */
      occurredAt?: string;
      /** @enum {string} */
      type:
        | 'email_opened'
        | 'email_clicked'
        | 'meeting_booked'
        | 'form_submitted'
        | 'web_visit'
        | 'unsubscribed';
    };
    RejectedRowView: {
      field: string;
      index: number;
      reason: string;
    };
    RenderEmailDto: {
      /** @example <html><body><p>Hello</p></body></html> */
      html: string;
      /** Format: uuid */
      messageId: string;
    };
    RenderedEmailView: {
      html: string;
      pixelUrl: string;
      tagging: components['schemas']['MessageTaggingView'];
      /** @description How many links were rewritten to signed click-tracking URLs (`<PUBLIC_BASE_URL>/t/c/<token>`). */
      trackedLinks: number;
      /**
       * @description The one-click unsubscribe URL (also in tagging.headers as List-Unsubscribe, and in the HTML wherever it had {{unsubscribe_url}}).
       * @example https://t.example.com/t/u/AQJrMT8rjE6dGk57jwABI0VniatTSYgh0mwZL3MLmE2y
       */
      unsubscribeUrl: string;
    };
    RescoreJobView: {
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      modelVersion: number;
      processed: number;
      /** @description processed / total (1 when there is nothing to do). */
      progress: number;
      /** @enum {string} */
      status: 'running' | 'completed' | 'superseded' | 'failed';
      /** @description Leads to re-score when the job started. */
      total: number;
    };
    RevisionListView: {
      items: components['schemas']['RevisionSummaryView'][];
    };
    RevisionSummaryView: {
      /**
       * @example updated
       * @enum {string}
       */
      action: 'created' | 'updated' | 'restored' | 'linked' | 'imported';
      /**
       * @description The API key's name
       * @example ci-bot
       */
      actor: string;
      changes: components['schemas']['TermFieldChangeView'][];
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Equals the term version this revision produced.
       * @example 2
       */
      n: number;
    };
    RevisionView: {
      /**
       * @example updated
       * @enum {string}
       */
      action: 'created' | 'updated' | 'restored' | 'linked' | 'imported';
      /**
       * @description The API key's name
       * @example ci-bot
       */
      actor: string;
      changes: components['schemas']['TermFieldChangeView'][];
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Equals the term version this revision produced.
       * @example 2
       */
      n: number;
      /** @description The term as this revision left it. */
      term: components['schemas']['TermView'];
    };
    ScoreContributionView: {
      /** @description Points left after the per-period cap. */
      countedPoints: number;
      /** @description countedPoints × 0.5^(age / half-life). */
      decayedPoints: number;
      /** @description Version of the event it came from. */
      eventVersion: number | null;
      /** @enum {string} */
      kind: 'fit' | 'engagement' | 'committee' | 'champion';
      /** Format: date-time */
      occurredAt: string | null;
      /** @description The rule’s points for this event. */
      points: number;
      /** @description Committee bonus: roles that engaged. */
      roles?: (
        | 'decision_maker'
        | 'economic_buyer'
        | 'champion'
        | 'influencer'
        | 'technical_buyer'
        | 'user'
        | 'blocker'
      )[];
      /** @example email-open */
      rule: string;
    };
    ScoreView: {
      /** Format: date-time */
      at: string;
      contributions: components['schemas']['ScoreContributionView'][];
      /** @description Engagement rules plus committee and champion bonuses. */
      engagement: number;
      fit: number;
      /** Format: uuid */
      leadId: string;
      modelVersion: number;
      total: number;
    };
    ScoringModelDto: {
      champion: components['schemas']['ChampionBonusDto'];
      committee: components['schemas']['CommitteeBonusDto'];
      engagement: components['schemas']['EngagementRuleDto'][];
      fit: components['schemas']['FitRuleDto'][];
      qualification: components['schemas']['QualificationDto'];
    };
    ScoringModelView: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      model: components['schemas']['ScoringModelDto'];
      /**
       * Format: uuid
       * @description The re-score job this change started.
       */
      rescoreJobId?: string;
      version: number;
    };
    SearchHitView: {
      /**
       * @description exact name/alias > prefix > full text > typo tolerant
       * @example fuzzy
       * @enum {string}
       */
      match: 'exact' | 'prefix' | 'text' | 'fuzzy';
      /** @example Sales Champion */
      name: string;
      /**
       * @description Higher is better; comparable within one answer.
       * @example 1.42
       */
      score: number;
      /** @example sales-champion */
      slug: string;
      /**
       * @description Definition excerpt, HTML-escaped, query words wrapped in `<mark>`.
       * @example A Sales <mark>Champion</mark> is an influential individual…
       */
      snippet: string;
    };
    SearchResultView: {
      items: components['schemas']['SearchHitView'][];
    };
    SeriesBucketView: {
      clicks: number;
      /** @enum {string} */
      granularity: 'hour' | 'day';
      humanClicks: number;
      humanOpens: number;
      opens: number;
      /** Format: date-time */
      start: string;
    };
    SnsSubscriptionView: {
      /** @description true for a confirmed subscription, false for an unsubscribe. */
      subscriptionConfirmed: boolean;
    };
    StageConversionView: {
      /** @description Of those, leads that ever moved from `from` directly to `to`. */
      converted: number;
      /** @description Cohort leads that ever entered `from`. */
      entered: number;
      /** @enum {string} */
      from:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
      rate: number | null;
      /** @enum {string} */
      to:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
    };
    StageTermDto: {
      /**
       * @example closed_lost
       * @enum {string}
       */
      stage:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
      /** @example closed-lost */
      termSlug: string;
    };
    StageTermView: {
      /** @enum {string} */
      stage:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
      /** @description null when the glossary did not answer (`termsAvailable` false). */
      term: components['schemas']['LinkedTermView'] | null;
      /** @example closed-lost */
      termSlug: string;
    };
    StageTransitionsDto: {
      /** @enum {string} */
      from:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
      to: (
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled'
      )[];
    };
    SuggestResultView: {
      items: components['schemas']['SuggestionView'][];
    };
    SuggestionView: {
      /**
       * @description The name or alias the prefix matched.
       * @example SKO
       */
      label: string;
      /** @example Sales Kickoff */
      name: string;
      /** @example sales-kickoff */
      slug: string;
    };
    TermFieldChangeView: {
      /** @example definition */
      field: string;
      /** @example The old definition. */
      from:
        | (string | null)
        | (
            | string
            | components['schemas']['TermRelationView']
            | components['schemas']['TermSourceView']
          )[];
      /** @example The new definition. */
      to:
        | (string | null)
        | (
            | string
            | components['schemas']['TermRelationView']
            | components['schemas']['TermSourceView']
          )[];
    };
    TermPageView: {
      items: components['schemas']['TermView'][];
      nextCursor: string | null;
    };
    TermRelationDto: {
      /** @example closed-lost */
      slug: string;
      /**
       * @example related
       * @enum {string}
       */
      type: 'related' | 'broader' | 'narrower' | 'see-also';
    };
    TermRelationView: {
      /** @example closed-lost */
      slug: string;
      /**
       * @example related
       * @enum {string}
       */
      type: 'related' | 'broader' | 'narrower' | 'see-also';
    };
    TermSourceDto: {
      /** @example SKOS Reference */
      title: string;
      /** @example https://www.w3.org/TR/skos-reference/ */
      url: string;
    };
    TermSourceView: {
      /** @example SKOS Reference */
      title: string;
      /** @example https://www.w3.org/TR/skos-reference/ */
      url: string;
    };
    TermUseView: {
      /** @example funnel stage closed_lost */
      description: string;
      /** @example lead-funnel */
      service: string;
    };
    TermView: {
      /**
       * @example [
       *       "Champion"
       *     ]
       */
      aliases: string[];
      /** @example Buying process */
      category: string | null;
      /** Format: date-time */
      createdAt: string;
      definition: string;
      /**
       * Format: date-time
       * @description Only on a deleted term, listed with `includeDeleted=true`.
       */
      deletedAt?: string;
      details: string | null;
      /**
       * @example [
       *       "sales champoin"
       *     ]
       */
      hiddenLabels: string[];
      /** @example Sales Champion */
      name: string;
      relations: components['schemas']['TermRelationView'][];
      /** @example null */
      replacedBy: string | null;
      /** @example sales-champion */
      slug: string;
      sources: components['schemas']['TermSourceView'][];
      /** @enum {string} */
      status: 'draft' | 'approved' | 'deprecated';
      tags: string[];
      /** Format: date-time */
      updatedAt: string;
      /** @description Only on `GET /v1/glossary/terms/{slug}`: where other services use the term (the funnel stages and lost reasons linked to it); absent when they did not answer. */
      usedBy?: components['schemas']['TermUseView'][];
      /** @example 1 */
      version: number;
    };
    TerritoriesDto: {
      territories: components['schemas']['TerritoryDto'][];
    };
    TerritoriesView: {
      /**
       * Format: uuid
       * @description The job this change started to reassign open leads (`GET /v1/territories/jobs/:id`).
       */
      reassignJobId?: string;
      territories: components['schemas']['TerritoryDto'][];
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    TerritoryDto: {
      /** @example dach-mid-market */
      id: string;
      /** @example DACH mid-market */
      name: string;
      /**
       * @example [
       *       "ana@example.com",
       *       "ben@example.com"
       *     ]
       */
      owners: string[];
      rules: components['schemas']['TerritoryRuleDto'][];
    };
    TerritoryJobView: {
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description Open leads looked at so far. */
      processed: number;
      /** @description processed / total (1 when there is nothing to do). */
      progress: number;
      /** @description Of those, leads moved to another territory or owner. */
      reassigned: number;
      /** @enum {string} */
      status: 'running' | 'completed' | 'superseded' | 'failed';
      territoriesVersion: number;
      /** @description Open leads when the job started. */
      total: number;
    };
    TerritoryRuleDto: {
      /**
       * @example [
       *       "DE",
       *       "AT",
       *       "CH"
       *     ]
       */
      countries?: string[];
      /**
       * @example [
       *       "51-200",
       *       "201-500"
       *     ]
       */
      employeeRanges?: string[];
      /**
       * @example [
       *       "software"
       *     ]
       */
      industries?: string[];
      regions?: ('AMER' | 'EMEA' | 'APAC')[];
    };
    TimeToFirstOpenView: {
      definition: string;
      medianSeconds: number | null;
      p90Seconds: number | null;
      samples: number;
    };
    TransitionLeadDto: {
      /** @description The stream version the change is based on; a different current version is a 409. */
      expectedVersion?: number;
      /**
       * @description Required for closed_lost: one of the funnel definition’s lost reasons.
       * @example no_budget
       */
      reason?: string;
      /** @enum {string} */
      to:
        | 'new'
        | 'engaged'
        | 'mql'
        | 'sql'
        | 'opportunity'
        | 'closed_won'
        | 'closed_lost'
        | 'recycled';
    };
    UpdateAccountDto: {
      /**
       * @description Name or ISO code
       * @example DE
       */
      country?: string | null;
      /** @enum {string|null} */
      employeeRange?:
        | '1-10'
        | '11-50'
        | '51-200'
        | '201-500'
        | '501-1000'
        | '1001-5000'
        | '5001-10000'
        | '10001+'
        | null;
      /** @example Industrial Automation */
      industry?: string | null;
      /** @example Acme Robotics */
      name?: string | null;
      /** @example https://www.acme.com */
      website?: string | null;
    };
    UpdateApiKeyDto: {
      /**
       * @description Who uses the key; recorded as the author of changes.
       * @example crm-sync
       */
      name?: string;
      /**
       * @example [
       *       "glossary:read"
       *     ]
       */
      scopes?: (
        | 'glossary:read'
        | 'glossary:write'
        | 'crm:read'
        | 'crm:write'
        | 'leads:read'
        | 'leads:write'
        | 'email:read'
        | 'email:write'
        | 'privacy:read'
        | 'privacy:write'
        | 'admin'
      )[];
    };
    UpdateCampaignDto: {
      /**
       * @description Give name, subject or both.
       * @example December newsletter
       */
      name?: string;
      /** @example What is new in December */
      subject?: string;
    };
    UpdateContactDto: {
      /** Format: uuid */
      accountId?: string | null;
      /** @example Berlin */
      city?: string | null;
      /**
       * @description Name or ISO code
       * @example Germany
       */
      country?: string | null;
      doNotContact?: boolean | null;
      /**
       * Format: email
       * @description One address (a display name or `mailto:` is stripped); stored trimmed and lower-cased. Unique among contacts.
       * @example jane.doe@acme.com
       */
      email?: string | null;
      /** @example Jane */
      firstName?: string | null;
      /** @example Doe */
      lastName?: string | null;
      /** @example user-42 */
      ownerId?: string | null;
      /** @example +1 (415) 555-2671 */
      phone?: string | null;
      /**
       * @description Lead source
       * @example webinar
       */
      source?: string | null;
      /** @example VP, Sales & Marketing */
      title?: string | null;
    };
    UpdateTermDto: {
      /**
       * @description Alternative labels (SKOS altLabel), e.g. `SKO` for Sales Kickoff.
       * @example [
       *       "Champion"
       *     ]
       */
      aliases?: string[];
      /** @example Buying process */
      category?: string | null;
      /** @example A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution. */
      definition?: string;
      /** @description Markdown */
      details?: string | null;
      /**
       * @description Common misspellings: found by search and annotate, never displayed.
       * @example [
       *       "sales champoin"
       *     ]
       */
      hiddenLabels?: string[];
      /** @example Sales Champion */
      name?: string;
      /** @description Typed links to other terms by slug; the inverse link is kept on the other term (broader ↔ narrower, related ↔ related, see-also ↔ see-also). Unknown slugs are a 422. */
      relations?: components['schemas']['TermRelationDto'][];
      /**
       * @description Only for a deprecated term: the slug of the term that replaces it.
       * @example sales-kickoff
       */
      replacedBy?: string | null;
      sources?: components['schemas']['TermSourceDto'][];
      /**
       * @default draft
       * @enum {string}
       */
      status?: 'draft' | 'approved' | 'deprecated';
      /**
       * @example [
       *       "b2b"
       *     ]
       */
      tags?: string[];
    };
    UpdateWebhookDto: {
      description?: string | null;
      /** @description true re-enables (and retries what was pending), false pauses. */
      enabled?: boolean;
      events?: (
        | 'lead.created'
        | 'lead.stage_changed'
        | 'lead.qualified'
        | 'lead.disqualified'
        | 'lead.assigned'
        | 'lead.score_changed'
        | 'email.opened'
        | 'crm.contact.enriched'
        | 'glossary.term.created'
        | 'glossary.term.updated'
        | 'glossary.term.deleted'
        | 'glossary.term.restored'
        | 'glossary.term.*'
      )[];
      url?: string;
    };
    WebhookDeliveryPage: {
      items: components['schemas']['WebhookDeliveryView'][];
      nextCursor: string | null;
    };
    WebhookDeliveryView: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** @description The id of the event in the suite (JetStream message id). */
      eventId: string;
      /** @example lead.qualified */
      eventType: string;
      /**
       * Format: uuid
       * @description Sent as `webhook-id`; the same on every attempt.
       */
      id: string;
      /** Format: date-time */
      lastAttemptAt: string | null;
      /** @example timeout */
      lastError: string | null;
      /** Format: date-time */
      nextAttemptAt: string | null;
      /** @description The last attempt’s HTTP status. */
      responseCode: number | null;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
    };
    WebhookView: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description Why it was disabled. */
      disabledReason: string | null;
      enabled: boolean;
      events: (
        | 'lead.created'
        | 'lead.stage_changed'
        | 'lead.qualified'
        | 'lead.disqualified'
        | 'lead.assigned'
        | 'lead.score_changed'
        | 'email.opened'
        | 'crm.contact.enriched'
        | 'glossary.term.created'
        | 'glossary.term.updated'
        | 'glossary.term.deleted'
        | 'glossary.term.restored'
        | 'glossary.term.*'
      )[];
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyView'][];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyDto'];
      };
    };
    responses: {
      /** @description The key is in the answer once, never again. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKeyView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked (also when it already was); every gateway replica refuses the key within a second. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateApiKeyDto'];
      };
    };
    responses: {
      /** @description Changed; every gateway replica applies it within a second. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listAccounts: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        domain?: string;
        country?: string;
        industry?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAccountDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getAccountHistory: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldHistoryPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listContacts: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        accountId?: string;
        ownerId?: string;
        /** @description ISO-3166 alpha-2 */
        country?: string;
        seniority?:
          | 'owner'
          | 'founder'
          | 'c_suite'
          | 'partner'
          | 'vp'
          | 'head'
          | 'director'
          | 'manager'
          | 'senior'
          | 'entry'
          | 'intern';
        department?:
          | 'sales'
          | 'marketing'
          | 'engineering'
          | 'finance'
          | 'operations'
          | 'product'
          | 'customer_success'
          | 'hr'
          | 'legal'
          | 'executive'
          | 'other';
        email?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createContact: {
    parameters: {
      query?: {
        /** @description When a contact already has the email: merge the request into it (200) instead of answering 409. Fields a person set (locked) keep their value, and empty or null values clear nothing, as in an import. */
        upsert?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateContactDto'];
      };
    };
    responses: {
      /** @description `upsert=true` and a contact had the email: the request merged into it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          /** @description URL of the contact */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description `CRM_CONTACT_EMAIL_TAKEN`: another contact has this email; `existingContactId` names it */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ContactEmailTakenProblemView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  findDuplicateContacts: {
    parameters: {
      query?: {
        /** @description Only duplicates at this account */
        accountId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateGroupsView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  mergeContacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeContactsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  deleteContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description `CRM_CONTACT_EMAIL_TAKEN`: another contact has this email; `existingContactId` names it */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ContactEmailTakenProblemView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  enrichContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getContactHistory: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldHistoryPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  previewEnrichment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrichmentPreviewView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  importContacts: {
    parameters: {
      query?: {
        /** @description Also create one lead per contact in the lead funnel, at the stage the lifecycle column maps to (docs/crm.md), dated by the create-date column; a contact that already has a lead gets none */
        createLeads?: boolean;
        /** @description JSON: column header → field (`email`, `firstName`, `companyDomain`, `lifecycleStage`, …) or `ignore`, overriding detection */
        mapping?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: Blob;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportAcceptedView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is larger than this route accepts */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  previewContactImport: {
    parameters: {
      query?: {
        /** @description JSON: column header → field (`email`, `firstName`, `companyDomain`, `lifecycleStage`, …) or `ignore`, overriding detection */
        mapping?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: Blob;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportPreviewView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is larger than this route accepts */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getContactImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getContactImportErrors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report, as an attachment `import-<id>-errors.csv` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listCampaigns: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        /** @description Also list archived campaigns. */
        includeArchived?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCampaignDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignSummaryView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCampaignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignSummaryView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  archiveCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignSummaryView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  unarchiveCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignSummaryView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listCampaignMessages: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        /** @description Only messages with this status. */
        status?: 'sent' | 'delivered' | 'soft_bounce' | 'hard_bounce' | 'complaint';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignMessagePageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  addCampaignMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMessagesDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedMessagesView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getCampaignStats: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignStatsView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getTrackingConsent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  setTrackingConsent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConsentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getContactEngagement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactEngagementView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  setContactTracking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactTrackingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactTrackingView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  eraseContactTracking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasedTrackingView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  recordDeliveryEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeliveryEventsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryEventsResultView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  renderTrackedHtml: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenderEmailDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenderedEmailView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  receiveEspWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: 'ses' | 'sendgrid' | 'mailgun' | 'postmark';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['EspWebhookResultView']
            | components['schemas']['SnsSubscriptionView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is larger than this route accepts */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getFunnelDefinition: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FunnelDefinitionView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  replaceFunnelDefinition: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FunnelDefinitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FunnelDefinitionView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  rebuildFunnelProjections: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectionRebuildView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getFunnelStats: {
    parameters: {
      query: {
        /** @description Cohort start (inclusive): lead creation time. */
        from: string;
        /** @description Cohort end (exclusive). */
        to: string;
        groupBy?: 'source' | 'territory' | 'owner';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FunnelStatsView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  annotateText: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnnotateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnotateResultView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listGlossaryCategories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoriesView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  exportGlossary: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All terms in slug order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  importGlossary: {
    parameters: {
      query?: {
        /** @description Report what would change; write nothing. */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTermDto'][] | string;
        'text/csv': components['schemas']['CreateTermDto'][] | string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReportView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is larger than this route accepts */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  searchGlossary: {
    parameters: {
      query: {
        q: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResultView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  suggestGlossaryTerms: {
    parameters: {
      query: {
        prefix: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SuggestResultView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listTerms: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        category?: string;
        status?: 'draft' | 'approved' | 'deprecated';
        tag?: string;
        /** @description Also list deleted terms, as their last revision left them, with `deletedAt`; the filters apply to those fields. Restore one with `POST /v1/glossary/terms/{slug}/restore`. */
        includeDeleted?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createTerm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTermDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The version, quoted */
          ETag?: string;
          /** @description URL of the new term */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getTerm: {
    parameters: {
      query?: never;
      header?: {
        'If-None-Match'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The version, quoted */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermView'];
        };
      };
      /** @description Not modified: your copy is current */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  deleteTerm: {
    parameters: {
      query?: {
        /** @description Required when the term is used (e.g. by a funnel stage): the live term the uses move to. */
        replacedBy?: string;
      };
      header: {
        /** @description The ETag of the version you edited (`"3"`), or `*` for any version. */
        'If-Match': string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The If-Match version is stale */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateTerm: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you edited (`"3"`), or `*` for any version. */
        'If-Match': string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTermDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The new version, quoted */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The If-Match version is stale */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  restoreTerm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The new version, quoted */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listTermRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevisionListView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getTermRevision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevisionView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  restoreTermRevision: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you edited (`"3"`), or `*` for any version. */
        'If-Match'?: string;
      };
      path: {
        slug: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The If-Match version is stale */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Well-formed but refers to something that does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listLeads: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
        stage?:
          | 'new'
          | 'engaged'
          | 'mql'
          | 'sql'
          | 'opportunity'
          | 'closed_won'
          | 'closed_lost'
          | 'recycled';
        ownerId?: string;
        territoryId?: string;
        contactId?: string;
        /** @description Only leads whose total score now (decayed) is at least this. */
        minScore?: number;
        /** @description created: creation order (default); score: total score now, highest first. */
        sort?: 'created' | 'score';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadPageView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createLead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLeadDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description URL of the lead */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getLead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  addCommitteeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddCommitteeMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  recordEngagement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordEngagementDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getLeadHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadHistoryView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getLeadScore: {
    parameters: {
      query?: {
        /** @description Score as of this time; default now. */
        at?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoreView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  transitionLead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionLeadDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getCurrentKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  requestErasure: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateErasureDto'];
      };
    };
    responses: {
      /** @description Started */
      202: {
        headers: {
          /** @description URL of the erasure */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getErasure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getRescoreJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RescoreJobView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getScoringModel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoringModelView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  replaceScoringModel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScoringModelDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoringModelView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getTerritories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TerritoriesView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  replaceTerritories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TerritoriesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TerritoriesView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Conflict with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getTerritoryJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TerritoryJobView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'][];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhookView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  updateWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The body is not of a media type this route accepts (`errors` names `content-type`) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page's `nextCursor`. */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPage'];
        };
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
  testWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `errors` names each field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Missing, unknown or revoked API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The API key lacks a required scope */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description Rate limit exceeded; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
      /** @description The service behind this route is unavailable or did not answer in time; see Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsView'];
        };
      };
    };
  };
}
