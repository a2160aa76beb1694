import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContactHistoryQueryDto,
  ContactIdDto,
  ContactUpsertResult,
  ContactView,
  CreateContactDto,
  CrmSubjects,
  DuplicateGroupsView,
  DuplicatesQueryDto,
  EnrichmentPreviewView,
  FieldChangeView,
  ListContactsQueryDto,
  MergeContactsDto,
  Page,
  UpdateContactCommandDto,
  UpsertContactDto,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { DuplicatesService } from '../duplicates/duplicates.service';
import { ContactsService } from './contacts.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class ContactsHandlers {
  constructor(
    private readonly contacts: ContactsService,
    private readonly duplicates: DuplicatesService,
  ) {}

  @MessagePattern(CrmSubjects.CreateContact)
  create(@Payload() dto: CreateContactDto, @Actor() actor: string): Promise<ContactView> {
    return this.contacts.create(dto, actor);
  }

  @MessagePattern(CrmSubjects.UpsertContact)
  upsert(@Payload() dto: UpsertContactDto, @Actor() actor: string): Promise<ContactUpsertResult> {
    return this.contacts.upsert(dto, actor);
  }

  @MessagePattern(CrmSubjects.UpdateContact)
  update(@Payload() dto: UpdateContactCommandDto, @Actor() actor: string): Promise<ContactView> {
    return this.contacts.update(dto, actor);
  }

  @MessagePattern(CrmSubjects.GetContact)
  get(@Payload() { id }: ContactIdDto): Promise<ContactView> {
    return this.contacts.get(id);
  }

  @MessagePattern(CrmSubjects.DeleteContact)
  async remove(@Payload() { id }: ContactIdDto): Promise<{ deleted: true }> {
    await this.contacts.remove(id);
    return { deleted: true };
  }

  @MessagePattern(CrmSubjects.ListContacts)
  list(@Payload() query: ListContactsQueryDto): Promise<Page<ContactView>> {
    return this.contacts.list(query);
  }

  @MessagePattern(CrmSubjects.ContactHistory)
  history(@Payload() query: ContactHistoryQueryDto): Promise<Page<FieldChangeView>> {
    return this.contacts.history(query);
  }

  @MessagePattern(CrmSubjects.EnrichContact)
  enrich(@Payload() { id }: ContactIdDto, @Actor() actor: string): Promise<ContactView> {
    return this.contacts.enrich(id, actor);
  }

  @MessagePattern(CrmSubjects.PreviewEnrichment)
  preview(@Payload() dto: CreateContactDto): Promise<EnrichmentPreviewView> {
    return this.contacts.preview(dto);
  }

  @MessagePattern(CrmSubjects.ListDuplicates)
  findDuplicates(@Payload() query: DuplicatesQueryDto): Promise<DuplicateGroupsView> {
    return this.duplicates.find(query.accountId);
  }

  @MessagePattern(CrmSubjects.MergeContacts)
  merge(@Payload() dto: MergeContactsDto, @Actor() actor: string): Promise<ContactView> {
    return this.duplicates.merge(dto, actor);
  }
}
