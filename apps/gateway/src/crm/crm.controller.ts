import { Body, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  AccountIdDto,
  AccountPageView,
  AccountView,
  ContactIdDto,
  ContactEmailTakenProblemView,
  ContactPageView,
  ContactUpsertResult,
  ContactView,
  CreateAccountDto,
  CreateContactDto,
  CreateContactQueryDto,
  CrmSubjects,
  DuplicateGroupsView,
  DuplicatesQueryDto,
  EnrichmentPreviewView,
  FieldHistoryPageView,
  CustomFieldView,
  FieldProvenanceView,
  ListAccountsQueryDto,
  ListContactsQueryDto,
  MergeContactsDto,
  PageQueryDto,
  UpdateAccountDto,
  UpdateContactDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { CurrentCaller } from '../auth/auth.decorators';
import type { Caller } from '../auth/api-keys.service';
import { Forward, Route, RoutesController } from '../routing/route.decorator';

/** 409 when another contact has the email, naming it. */
const ApiEmailTakenResponse = () =>
  ApiResponse({
    status: 409,
    description:
      '`CRM_CONTACT_EMAIL_TAKEN`: another contact has this email; `existingContactId` names it',
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ContactEmailTakenProblemView) } },
    },
  });

/** Enrichment may call providers over the network before answering. */
const ENRICHING_TIMEOUT_MS = 15000;

@RoutesController('crm', 'v1/crm')
@ApiExtraModels(FieldProvenanceView, CustomFieldView, ContactEmailTakenProblemView)
export class CrmController {
  constructor(private readonly nats: NatsRequester) {}

  @Route('POST', 'contacts', {
    operationId: 'createContact',
    scope: 'crm:write',
    summary: 'Create a contact (enriched before the answer); one contact per email',
    description:
      'Values given are locked against enrichment. The email must be a valid address (else 400 naming `email`); ' +
      'malformed phones and countries are kept with `invalid` and a reason in their provenance. ' +
      'When a contact already has the email (compared trimmed and case-insensitively): 409 with its id in ' +
      '`existingContactId`, or with `?upsert=true` the request is merged into it (200): fields a person set stay, ' +
      'empty values clear nothing, every change is in its history.',
    answers: {
      type: ContactView,
      description: 'Created',
      headers: { Location: { description: 'URL of the contact', schema: { type: 'string' } } },
    },
    problems: [400, 401, 403, 404],
  })
  @ApiOkResponse({
    type: ContactView,
    description: '`upsert=true` and a contact had the email: the request merged into it',
  })
  @ApiEmailTakenResponse()
  async createContact(
    @Body() dto: CreateContactDto,
    @Query() { upsert }: CreateContactQueryDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const options = { actor: caller.name, timeoutMs: ENRICHING_TIMEOUT_MS };
    const { contact, created } = upsert
      ? await this.nats.request<ContactUpsertResult>(CrmSubjects.UpsertContact, dto, options)
      : {
          contact: await this.nats.request<ContactView>(CrmSubjects.CreateContact, dto, options),
          created: true,
        };
    if (created) void reply.header('location', `/v1/crm/contacts/${contact.id}`);
    else void reply.status(200);
    return contact;
  }

  @Forward('GET', 'contacts', CrmSubjects.ListContacts, {
    operationId: 'listContacts',
    scope: 'crm:read',
    summary: 'List contacts',
    description: 'Newest first, cursor pagination, filters.',
    answers: ContactPageView,
    problems: [400, 401, 403],
  })
  listContacts(@Query() query: ListContactsQueryDto) {
    return query;
  }

  @Forward('GET', 'contacts/duplicates', CrmSubjects.ListDuplicates, {
    operationId: 'findDuplicateContacts',
    scope: 'crm:read',
    summary: 'Find duplicates: the same normalised email, or the same name at the same account',
    answers: DuplicateGroupsView,
    problems: [400, 401, 403],
  })
  duplicates(@Query() query: DuplicatesQueryDto) {
    return query;
  }

  @Forward('POST', 'contacts/merge', CrmSubjects.MergeContacts, {
    operationId: 'mergeContacts',
    status: 200,
    scope: 'crm:write',
    summary:
      'Merge duplicates into one contact, keeping the best-provenance value of each field and all history',
    answers: ContactView,
    problems: [400, 401, 403, 404],
  })
  merge(@Body() dto: MergeContactsDto) {
    return dto;
  }

  @Forward('GET', 'contacts/:id', CrmSubjects.GetContact, {
    operationId: 'getContact',
    scope: 'crm:read',
    summary: "Get a contact with every field's provenance",
    answers: ContactView,
    problems: [400, 401, 403, 404],
  })
  getContact(@Param() { id }: ContactIdDto) {
    return { id };
  }

  @Forward('PATCH', 'contacts/:id', CrmSubjects.UpdateContact, {
    operationId: 'updateContact',
    scope: 'crm:write',
    summary: 'Update a contact',
    description:
      'Absent fields stay; `null` clears a field and keeps it empty. An email must be a valid address (400) ' +
      'that no other contact has (409 with `existingContactId`).',
    answers: ContactView,
    problems: [400, 401, 403, 404],
    timeoutMs: ENRICHING_TIMEOUT_MS,
  })
  @ApiEmailTakenResponse()
  updateContact(@Param() { id }: ContactIdDto, @Body() dto: UpdateContactDto) {
    return { ...dto, id };
  }

  @Forward('DELETE', 'contacts/:id', CrmSubjects.DeleteContact, {
    operationId: 'deleteContact',
    status: 204,
    scope: 'crm:write',
    summary: 'Delete a contact',
    problems: [400, 401, 403, 404],
  })
  deleteContact(@Param() { id }: ContactIdDto) {
    return { id };
  }

  @Forward('GET', 'contacts/:id/history', CrmSubjects.ContactHistory, {
    operationId: 'getContactHistory',
    scope: 'crm:read',
    summary: "A contact's field history, oldest first",
    answers: FieldHistoryPageView,
    problems: [400, 401, 403, 404],
  })
  contactHistory(@Param() { id }: ContactIdDto, @Query() page: PageQueryDto) {
    return { ...page, id };
  }

  @Forward('POST', 'contacts/:id/enrich', CrmSubjects.EnrichContact, {
    operationId: 'enrichContact',
    status: 200,
    scope: 'crm:write',
    summary: 'Re-enrich a contact now (rules and providers; values people set stay)',
    answers: ContactView,
    problems: [400, 401, 403, 404],
    timeoutMs: ENRICHING_TIMEOUT_MS,
  })
  enrich(@Param() { id }: ContactIdDto) {
    return { id };
  }

  @Forward('POST', 'enrich/preview', CrmSubjects.PreviewEnrichment, {
    operationId: 'previewEnrichment',
    status: 200,
    scope: 'crm:read',
    summary: 'Enrich a contact without storing anything',
    description:
      'Validated as a create: an email that is not a valid address is a 400 naming `email`.',
    answers: EnrichmentPreviewView,
    problems: [400, 401, 403],
    timeoutMs: ENRICHING_TIMEOUT_MS,
  })
  preview(@Body() dto: CreateContactDto) {
    return dto;
  }

  @Forward('POST', 'accounts', CrmSubjects.CreateAccount, {
    operationId: 'createAccount',
    scope: 'crm:write',
    summary: 'Create an account (registrable domain unique), enriched by the providers',
    answers: AccountView,
    problems: [400, 401, 403, 409],
    timeoutMs: ENRICHING_TIMEOUT_MS,
    location: (account: AccountView) => `/v1/crm/accounts/${account.id}`,
  })
  createAccount(@Body() dto: CreateAccountDto) {
    return dto;
  }

  @Forward('GET', 'accounts', CrmSubjects.ListAccounts, {
    operationId: 'listAccounts',
    scope: 'crm:read',
    summary: 'List accounts',
    description: 'Domain order, cursor pagination, filters.',
    answers: AccountPageView,
    problems: [400, 401, 403],
  })
  listAccounts(@Query() query: ListAccountsQueryDto) {
    return query;
  }

  @Forward('GET', 'accounts/:id', CrmSubjects.GetAccount, {
    operationId: 'getAccount',
    scope: 'crm:read',
    summary: "Get an account with every field's provenance",
    answers: AccountView,
    problems: [400, 401, 403, 404],
  })
  getAccount(@Param() { id }: AccountIdDto) {
    return { id };
  }

  @Forward('PATCH', 'accounts/:id', CrmSubjects.UpdateAccount, {
    operationId: 'updateAccount',
    scope: 'crm:write',
    summary: 'Update an account',
    answers: AccountView,
    problems: [400, 401, 403, 404],
  })
  updateAccount(@Param() { id }: AccountIdDto, @Body() dto: UpdateAccountDto) {
    return { ...dto, id };
  }

  @Forward('GET', 'accounts/:id/history', CrmSubjects.AccountHistory, {
    operationId: 'getAccountHistory',
    scope: 'crm:read',
    summary: "An account's field history, oldest first",
    answers: FieldHistoryPageView,
    problems: [400, 401, 403, 404],
  })
  accountHistory(@Param() { id }: AccountIdDto, @Query() page: PageQueryDto) {
    return { ...page, id };
  }
}
