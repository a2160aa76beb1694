import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
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
  FieldProvenanceView,
  ListAccountsQueryDto,
  ListContactsQueryDto,
  MergeContactsDto,
  Page,
  PageQueryDto,
  UpdateAccountDto,
  UpdateContactDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import type { Caller } from '../auth/api-keys.service';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

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

@ApiTags('crm')
@ApiBearerAuth()
@ApiExtraModels(FieldProvenanceView, ContactEmailTakenProblemView)
@Controller('v1/crm')
export class CrmController {
  constructor(private readonly nats: NatsRequester) {}

  @Post('contacts')
  @RequireScopes('crm:write')
  @ApiOperation({
    summary: 'Create a contact (enriched before the answer); one contact per email',
    description:
      'Values given are locked against enrichment. The email must be a valid address (else 400 naming `email`); ' +
      'malformed phones and countries are kept with `invalid` and a reason in their provenance. ' +
      'When a contact already has the email (compared trimmed and case-insensitively): 409 with its id in ' +
      '`existingContactId`, or with `?upsert=true` the request is merged into it (200): fields a person set stay, ' +
      'empty values clear nothing, every change is in its history.',
  })
  @ApiCreatedResponse({
    type: ContactView,
    description: 'Created',
    headers: { Location: { description: 'URL of the contact' } },
  })
  @ApiOkResponse({
    type: ContactView,
    description: '`upsert=true` and a contact had the email: the request merged into it',
  })
  @ApiEmailTakenResponse()
  @ApiRoutedProblemResponses(400, 401, 403, 404)
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

  @Get('contacts')
  @RequireScopes('crm:read')
  @ApiOperation({
    summary: 'List contacts',
    description: 'Newest first, cursor pagination, filters.',
  })
  @ApiOkResponse({ type: ContactPageView })
  @ApiRoutedProblemResponses(400, 401, 403)
  listContacts(@Query() query: ListContactsQueryDto): Promise<Page<ContactView>> {
    return this.nats.request(CrmSubjects.ListContacts, query);
  }

  @Get('contacts/duplicates')
  @RequireScopes('crm:read')
  @ApiOperation({
    summary: 'Find duplicates: the same normalised email, or the same name at the same account',
  })
  @ApiOkResponse({ type: DuplicateGroupsView })
  @ApiRoutedProblemResponses(400, 401, 403)
  duplicates(@Query() query: DuplicatesQueryDto): Promise<DuplicateGroupsView> {
    return this.nats.request(CrmSubjects.ListDuplicates, query);
  }

  @Post('contacts/merge')
  @HttpCode(200)
  @RequireScopes('crm:write')
  @ApiOperation({
    summary:
      'Merge duplicates into one contact, keeping the best-provenance value of each field and all history',
  })
  @ApiOkResponse({ type: ContactView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  merge(@Body() dto: MergeContactsDto, @CurrentCaller() caller: Caller): Promise<ContactView> {
    return this.nats.request(CrmSubjects.MergeContacts, dto, { actor: caller.name });
  }

  @Get('contacts/:id')
  @RequireScopes('crm:read')
  @ApiOperation({ summary: "Get a contact with every field's provenance" })
  @ApiOkResponse({ type: ContactView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  getContact(@Param() { id }: ContactIdDto): Promise<ContactView> {
    return this.nats.request(CrmSubjects.GetContact, { id });
  }

  @Patch('contacts/:id')
  @RequireScopes('crm:write')
  @ApiOperation({
    summary: 'Update a contact',
    description:
      'Absent fields stay; `null` clears a field and keeps it empty. An email must be a valid address (400) ' +
      'that no other contact has (409 with `existingContactId`).',
  })
  @ApiOkResponse({ type: ContactView })
  @ApiEmailTakenResponse()
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  updateContact(
    @Param() { id }: ContactIdDto,
    @Body() dto: UpdateContactDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactView> {
    return this.nats.request(
      CrmSubjects.UpdateContact,
      { ...dto, id },
      { actor: caller.name, timeoutMs: ENRICHING_TIMEOUT_MS },
    );
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @RequireScopes('crm:write')
  @ApiOperation({ summary: 'Delete a contact' })
  @ApiNoContentResponse()
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  async deleteContact(
    @Param() { id }: ContactIdDto,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.nats.request(CrmSubjects.DeleteContact, { id }, { actor: caller.name });
  }

  @Get('contacts/:id/history')
  @RequireScopes('crm:read')
  @ApiOperation({ summary: "A contact's field history, oldest first" })
  @ApiOkResponse({ type: FieldHistoryPageView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  contactHistory(
    @Param() { id }: ContactIdDto,
    @Query() page: PageQueryDto,
  ): Promise<FieldHistoryPageView> {
    return this.nats.request(CrmSubjects.ContactHistory, { ...page, id });
  }

  @Post('contacts/:id/enrich')
  @HttpCode(200)
  @RequireScopes('crm:write')
  @ApiOperation({
    summary: 'Re-enrich a contact now (rules and providers; values people set stay)',
  })
  @ApiOkResponse({ type: ContactView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  enrich(@Param() { id }: ContactIdDto, @CurrentCaller() caller: Caller): Promise<ContactView> {
    return this.nats.request(
      CrmSubjects.EnrichContact,
      { id },
      { actor: caller.name, timeoutMs: ENRICHING_TIMEOUT_MS },
    );
  }

  @Post('enrich/preview')
  @HttpCode(200)
  @RequireScopes('crm:read')
  @ApiOperation({
    summary: 'Enrich a contact without storing anything',
    description:
      'Validated as a create: an email that is not a valid address is a 400 naming `email`.',
  })
  @ApiOkResponse({ type: EnrichmentPreviewView })
  @ApiRoutedProblemResponses(400, 401, 403)
  preview(@Body() dto: CreateContactDto): Promise<EnrichmentPreviewView> {
    return this.nats.request(CrmSubjects.PreviewEnrichment, dto, {
      timeoutMs: ENRICHING_TIMEOUT_MS,
    });
  }

  @Post('accounts')
  @RequireScopes('crm:write')
  @ApiOperation({
    summary: 'Create an account (registrable domain unique), enriched by the providers',
  })
  @ApiCreatedResponse({ type: AccountView })
  @ApiRoutedProblemResponses(400, 401, 403, 409)
  async createAccount(
    @Body() dto: CreateAccountDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountView> {
    const account = await this.nats.request<AccountView>(CrmSubjects.CreateAccount, dto, {
      actor: caller.name,
      timeoutMs: ENRICHING_TIMEOUT_MS,
    });
    void reply.header('location', `/v1/crm/accounts/${account.id}`);
    return account;
  }

  @Get('accounts')
  @RequireScopes('crm:read')
  @ApiOperation({
    summary: 'List accounts',
    description: 'Domain order, cursor pagination, filters.',
  })
  @ApiOkResponse({ type: AccountPageView })
  @ApiRoutedProblemResponses(400, 401, 403)
  listAccounts(@Query() query: ListAccountsQueryDto): Promise<Page<AccountView>> {
    return this.nats.request(CrmSubjects.ListAccounts, query);
  }

  @Get('accounts/:id')
  @RequireScopes('crm:read')
  @ApiOperation({ summary: "Get an account with every field's provenance" })
  @ApiOkResponse({ type: AccountView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  getAccount(@Param() { id }: AccountIdDto): Promise<AccountView> {
    return this.nats.request(CrmSubjects.GetAccount, { id });
  }

  @Patch('accounts/:id')
  @RequireScopes('crm:write')
  @ApiOperation({ summary: 'Update an account' })
  @ApiOkResponse({ type: AccountView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  updateAccount(
    @Param() { id }: AccountIdDto,
    @Body() dto: UpdateAccountDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AccountView> {
    return this.nats.request(CrmSubjects.UpdateAccount, { ...dto, id }, { actor: caller.name });
  }

  @Get('accounts/:id/history')
  @RequireScopes('crm:read')
  @ApiOperation({ summary: "An account's field history, oldest first" })
  @ApiOkResponse({ type: FieldHistoryPageView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  accountHistory(
    @Param() { id }: AccountIdDto,
    @Query() page: PageQueryDto,
  ): Promise<FieldHistoryPageView> {
    return this.nats.request(CrmSubjects.AccountHistory, { ...page, id });
  }
}
